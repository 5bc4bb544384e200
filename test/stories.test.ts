/**
 * axe over every Storybook story, in CI: each story is composed the way Storybook composes it
 * (global, component and story args, loaders and decorators from .storybook/annotations.ts), rendered
 * into a canvas, waited on until nothing is loading any more, and checked with the same axe rules
 * as the Storybook accessibility panel. A story added to a stories file gets its test by itself;
 * a new stories file must be imported below, and Storybook's own index (when built) proves it is.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { Meta, Preview, StoryContext, StoryObj, WebComponentsRenderer } from '@storybook/web-components-vite';
import preview from '../.storybook/annotations.js';
import * as consent from '../stories/consent.stories.js';
import * as context from '../stories/context.stories.js';
import * as dossierForm from '../stories/dossier-form.stories.js';
import * as intake from '../stories/intake.stories.js';
import * as intro from '../stories/intro.stories.js';
import * as mentorReview from '../stories/mentor-review.stories.js';
import * as progress from '../stories/progress.stories.js';
import * as theming from '../stories/theming.stories.js';
import { squash } from './helpers.js';

type Story = StoryObj;
type Context = StoryContext<WebComponentsRenderer>;
type StoryModule = { default: Meta } & Record<string, unknown>;
type Renderer = NonNullable<Story['render']>;
type Decorator = (story: (update?: Partial<Context>) => unknown, context: Context) => unknown;
type Loader = (context: Context) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/** Import path (as in Storybook's index.json) → module. */
const storyFiles: Record<string, StoryModule> = {
  './stories/consent.stories.ts': consent,
  './stories/context.stories.ts': context,
  './stories/dossier-form.stories.ts': dossierForm,
  './stories/intake.stories.ts': intake,
  './stories/intro.stories.ts': intro,
  './stories/mentor-review.stories.ts': mentorReview,
  './stories/progress.stories.ts': progress,
  './stories/theming.stories.ts': theming,
};

interface ComposedStory {
  importPath: string;
  exportName: string;
  title: string;
  name: string;
  story: Story;
  meta: Meta;
}

/** Storybook's default story name: 'LeerlingJongerDan18' → 'Leerling Jonger Dan 18'. */
const nameFromExport = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/^./, (first) => first.toUpperCase());

/** CSF: every named export is a story unless the meta excludes it (by name or pattern). */
function isStoryExport(meta: Meta, key: string): boolean {
  const matches = (rule: Meta['includeStories']) => (rule instanceof RegExp ? rule.test(key) : Array.isArray(rule) ? rule.includes(key) : false);
  if (key === 'default' || key === '__namedExportsOrder') return false;
  if (meta.includeStories !== undefined && !matches(meta.includeStories)) return false;
  return !(meta.excludeStories !== undefined && matches(meta.excludeStories));
}

const stories: ComposedStory[] = Object.entries(storyFiles).flatMap(([importPath, module]) => {
  const meta = module.default;
  if (!meta.title) throw new Error(`${importPath} has no title`);
  return Object.keys(module)
    .filter((key) => isStoryExport(meta, key))
    .map((exportName) => {
      const story = module[exportName] as Story;
      return { importPath, exportName, title: meta.title!, name: story.name ?? nameFromExport(exportName), story, meta };
    });
});

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Parameters merge deeply, later layers winning (global → component → story). */
function mergeParameters(...layers: Array<Record<string, unknown> | undefined>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      const before = merged[key];
      const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
      merged[key] = isPlain(before) && isPlain(value) ? mergeParameters(before, value) : value;
    }
  }
  return merged;
}

/** The web-components renderer's default: the meta's `component` with the args as properties. */
function defaultRender(composed: ComposedStory): (args: Record<string, unknown>) => HTMLElement {
  const tag = composed.meta.component;
  if (!tag) throw new Error(`${composed.title} › ${composed.name} has neither a render function nor a component`);
  return (args) => Object.assign(document.createElement(tag), args);
}

/**
 * Runs the loaders and the decorated render function as Storybook does, and puts the result in
 * `canvas`. Returns the parameters the story ends up with (for its axe options).
 */
async function renderStory(composed: ComposedStory, canvas: HTMLElement): Promise<Record<string, unknown>> {
  const { story, meta } = composed;
  const globalPreview = preview as Preview;
  const args = { ...(globalPreview.args ?? {}), ...(meta.args ?? {}), ...(story.args ?? {}) };
  const parameters = mergeParameters(globalPreview.parameters, meta.parameters, story.parameters);
  const globals = { ...(globalPreview.initialGlobals ?? {}) };
  const context = {
    id: `${composed.title}--${composed.exportName}`,
    title: composed.title,
    kind: composed.title,
    name: composed.name,
    story: composed.name,
    args,
    initialArgs: args,
    argTypes: { ...(meta.argTypes ?? {}), ...(story.argTypes ?? {}) },
    globals,
    parameters,
    loaded: {},
    viewMode: 'story',
    canvasElement: canvas,
    abortSignal: new AbortController().signal,
  } as unknown as Context;

  // Loaders run together; their results are combined in order: global, component, story.
  const loaders = [globalPreview.loaders, meta.loaders, story.loaders].flatMap((l) => asList(l as Loader | Loader[] | undefined));
  const results = await Promise.all(loaders.map((load) => load(context)));
  context.loaded = Object.assign({}, ...results.map((r) => r ?? {}));

  const renderFn = (story.render ?? meta.render ?? globalPreview.render ?? defaultRender(composed)) as Renderer;
  // Story decorators wrap the story first, then the component's, then the global ones (outermost).
  const decorators = [story.decorators, meta.decorators, globalPreview.decorators].flatMap((d) => asList(d as Decorator | Decorator[] | undefined));
  const decorated = decorators.reduce<(ctx: Context) => unknown>(
    (inner, decorator) => (ctx) => decorator((update) => inner({ ...ctx, ...update }), ctx),
    (ctx) => renderFn(ctx.args, ctx),
  );

  const result = decorated(context);
  if (result instanceof Node) canvas.append(result);
  else if (typeof result === 'string') canvas.innerHTML = result;
  else render(result as TemplateResult, canvas);
  return parameters;
}

// --- waiting until the story has settled ----------------------------------------------------

/** Every element inside `node`, through open shadow roots. */
function* deepElements(node: ParentNode): Generator<Element> {
  for (const element of node.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

/** Loading and saving messages all end in '…' ('Gegevens laden…', 'Opslaan…', 'Even geduld…'). */
function busyParts(canvas: HTMLElement): string[] {
  const busy: string[] = [];
  for (const element of deepElements(canvas)) {
    if (element.getAttribute('aria-busy') === 'true') busy.push(`<${element.localName} aria-busy>`);
    const own = squash(
      [...element.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join(' '),
    );
    if (own.endsWith('…')) busy.push(own);
  }
  return busy;
}

/** A picture of everything shown (shadow roots included), to tell when rendering has stopped. */
function snapshot(canvas: HTMLElement): string {
  const parts = [canvas.innerHTML];
  for (const element of deepElements(canvas)) if (element.shadowRoot) parts.push(element.shadowRoot.innerHTML);
  return parts.join('\n');
}

/** The text of the canvas, shadow roots included. */
function snapshotText(canvas: HTMLElement): string {
  const parts = [canvas.textContent ?? ''];
  for (const element of deepElements(canvas)) if (element.shadowRoot) parts.push(element.shadowRoot.textContent ?? '');
  return parts.join(' ');
}

async function settled(canvas: HTMLElement, timeout = 15000): Promise<void> {
  const start = performance.now();
  let last = '';
  let stableSince = performance.now();
  for (;;) {
    const elements = [...deepElements(canvas)].filter((e) => e.localName.startsWith('ddd-'));
    await Promise.all(elements.map((e) => (e as Element & { updateComplete?: Promise<unknown> }).updateComplete));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = snapshot(canvas);
    if (now !== last) {
      last = now;
      stableSince = performance.now();
    }
    const busy = busyParts(canvas);
    if (busy.length === 0 && performance.now() - stableSince >= 250) return;
    if (performance.now() - start > timeout) throw new Error(`Still loading after ${timeout} ms: ${busy.join(' | ') || 'the page keeps changing'}`);
  }
}

// --- axe ------------------------------------------------------------------------------------

interface AxeResults {
  violations: Array<{ id: string; impact?: string; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }>;
}
interface Axe {
  run(context: Element, options: object): Promise<AxeResults>;
}

async function loadAxe(): Promise<Axe> {
  const global = window as unknown as { axe?: Axe };
  // @ts-expect-error axe-core's browser build registers itself on window; it has no ES exports.
  if (!global.axe) await import('axe-core/axe.min.js');
  return global.axe!;
}

const describeViolations = (results: AxeResults) =>
  results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(n.target)}\n    ${n.failureSummary ?? ''}`));

// --- the tests ------------------------------------------------------------------------------

describe('every Storybook story passes axe', function () {
  // A whole dossier with axe takes a few seconds on a busy machine.
  this.timeout(60000);
  let htmlLang: string;
  before(() => {
    htmlLang = document.documentElement.lang;
  });
  afterEach(() => {
    // The preview's decorator sets <html lang> from the toolbar, as in Storybook.
    document.documentElement.lang = htmlLang;
  });

  it("covers every story export of every stories file (and Storybook's index, when built)", async () => {
    const exported = Object.values(storyFiles).reduce((sum, module) => sum + Object.keys(module).filter((k) => isStoryExport(module.default, k)).length, 0);
    expect(stories.length).to.equal(exported);
    expect(stories.length, 'the stories of issue 7').to.be.at.least(39);
    const response = await fetch('/storybook-static/index.json');
    if (!response.ok) return;
    // Built by `npm test` before the browser tests; a stale build may list a story that is gone.
    const index = (await response.json()) as { entries: Record<string, { type: string; importPath: string; exportName: string }> };
    const covered = new Set(stories.map((s) => `${s.importPath}#${s.exportName}`));
    const missing = Object.values(index.entries)
      .filter((entry) => entry.type === 'story' && !covered.has(`${entry.importPath}#${entry.exportName}`))
      .map((entry) => `${entry.importPath}#${entry.exportName}`);
    expect(missing, 'stories in storybook-static/index.json not imported here (or rebuild Storybook)').to.deep.equal([]);
  });

  for (const composed of stories) {
    const area = composed.title.split('/').pop()!.replace(/^ddd-/, '');
    it(`${area} › ${composed.name}`, async () => {
      const canvas = await fixture<HTMLDivElement>(html`<div id="storybook-root" style="padding: 1rem"></div>`);
      const parameters = await renderStory(composed, canvas);
      await settled(canvas);
      expect(squash(snapshotText(canvas)).length, 'the story shows something').to.be.greaterThan(10);
      const a11y = (parameters['a11y'] ?? {}) as { disable?: boolean; test?: string; options?: object };
      expect(a11y.disable === true || a11y.test === 'off', 'the story switches the accessibility check off').to.equal(false);
      const axe = await loadAxe();
      const results = await axe.run(canvas, { ...(a11y.options ?? {}), resultTypes: ['violations'] });
      expect(describeViolations(results), 'axe violations').to.deep.equal([]);
    });
  }
});
