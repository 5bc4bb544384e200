// create-vite's template-vue-ts main.ts, plus the shipped template types (docs/npm.md).
import { createApp } from 'vue'
import './style.css'
import './vue-types.ts'
import App from './App.vue'

createApp(App).mount('#app')
