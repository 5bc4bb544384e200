// Vue's full browser build (runtime + template compiler, no bundler needed) has the API and
// types of 'vue'.
declare module 'vue/dist/vue.esm-browser.js' {
  export * from 'vue';
}
