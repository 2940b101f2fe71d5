/**
 * Discord's documented limits, enforced the way Discord enforces them: a 400 with code 50035
 * "Invalid Form Body" and an `errors` tree naming the field (discord.com/developers/docs/reference#error-messages,
 * resources/message#create-message, resources/message#embed-object-embed-limits, components/reference,
 * interactions/receiving-and-responding#interaction-response-object-autocomplete,
 * interactions/application-commands#application-command-object-application-command-naming).
 * Lengths are counted in Unicode code points, as Discord does.
 */
type Json = Record<string, any>;

export class FormBodyError extends Error {
  constructor(readonly errors: Json) {
    super('Invalid Form Body');
  }
}

const len = (s: unknown) => (typeof s === 'string' ? [...s].length : 0);

/** Builds Discord's nested error tree for a path such as ['embeds', 0, 'fields', 3, 'value']. */
function fail(path: Array<string | number>, code: string, message: string): never {
  let tree: Json = { _errors: [{ code, message }] };
  for (let i = path.length - 1; i >= 0; i--) tree = { [String(path[i])]: tree };
  throw new FormBodyError(tree);
}

function max(path: Array<string | number>, value: unknown, limit: number): void {
  if (len(value) > limit) fail(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${limit} or fewer in length.`);
}
function between(path: Array<string | number>, value: unknown, lo: number, hi: number): void {
  const n = len(value);
  if (typeof value !== 'string' || n < lo || n > hi) fail(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${lo} and ${hi} in length.`);
}
function count(path: Array<string | number>, list: unknown, limit: number): void {
  if (Array.isArray(list) && list.length > limit) fail(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${limit} or fewer in length.`);
}

export const DISCORD_LIMITS = {
  content: 2000, embeds: 10, embedTotal: 6000, title: 256, description: 4096, fields: 25, fieldName: 256,
  fieldValue: 1024, footer: 2048, author: 256, actionRows: 5, buttonsPerRow: 5, buttonLabel: 80, customId: 100,
  modalTitle: 45, inputLabel: 45, labelDescription: 100, modalComponents: 5, choices: 25, choiceName: 100,
} as const;

function checkEmbeds(embeds: unknown): void {
  if (!Array.isArray(embeds)) return;
  count(['embeds'], embeds, DISCORD_LIMITS.embeds);
  let total = 0;
  embeds.forEach((e: Json, i) => {
    max(['embeds', i, 'title'], e.title, DISCORD_LIMITS.title);
    max(['embeds', i, 'description'], e.description, DISCORD_LIMITS.description);
    max(['embeds', i, 'footer', 'text'], e.footer?.text, DISCORD_LIMITS.footer);
    max(['embeds', i, 'author', 'name'], e.author?.name, DISCORD_LIMITS.author);
    count(['embeds', i, 'fields'], e.fields, DISCORD_LIMITS.fields);
    (e.fields ?? []).forEach((f: Json, j: number) => {
      between(['embeds', i, 'fields', j, 'name'], f.name, 1, DISCORD_LIMITS.fieldName);
      between(['embeds', i, 'fields', j, 'value'], f.value, 1, DISCORD_LIMITS.fieldValue);
      total += len(f.name) + len(f.value);
    });
    total += len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name);
  });
  if (total > DISCORD_LIMITS.embedTotal) fail(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${DISCORD_LIMITS.embedTotal}`);
}

function checkButtonRows(components: unknown, componentsV2: boolean): void {
  if (!Array.isArray(components)) return;
  if (!componentsV2) count(['components'], components, DISCORD_LIMITS.actionRows);
  components.forEach((row: Json, i) => {
    if (row.type !== 1) return;
    count(['components', i, 'components'], row.components, DISCORD_LIMITS.buttonsPerRow);
    (row.components ?? []).forEach((c: Json, j: number) => {
      max(['components', i, 'components', j, 'label'], c.label, DISCORD_LIMITS.buttonLabel);
      if (c.custom_id !== undefined) between(['components', i, 'components', j, 'custom_id'], c.custom_id, 1, DISCORD_LIMITS.customId);
    });
  });
}

/** A message body (create, edit, interaction response, follow-up). */
export function checkMessageLimits(body: Json): void {
  max(['content'], body.content, DISCORD_LIMITS.content);
  checkEmbeds(body.embeds);
  checkButtonRows(body.components, Boolean((body.flags ?? 0) & 32768));
}

/** A modal (interaction callback type 9): title, ≤ 5 components, labels ≤ 45, text inputs. */
export function checkModalLimits(data: Json): void {
  between(['data', 'custom_id'], data.custom_id, 1, DISCORD_LIMITS.customId);
  between(['data', 'title'], data.title, 1, DISCORD_LIMITS.modalTitle);
  if (!Array.isArray(data.components) || data.components.length === 0) fail(['data', 'components'], 'BASE_TYPE_REQUIRED', 'This field is required');
  count(['data', 'components'], data.components, DISCORD_LIMITS.modalComponents);
  data.components.forEach((c: Json, i: number) => {
    const at = ['data', 'components', i];
    const input = (x: Json, path: Array<string | number>) => {
      if (x?.type !== 4) fail([...path, 'type'], 'COMPONENT_TYPE_INVALID', 'Invalid component type for a modal');
      between([...path, 'custom_id'], x.custom_id, 1, DISCORD_LIMITS.customId);
      if (x.label !== undefined) between([...path, 'label'], x.label, 1, DISCORD_LIMITS.inputLabel);
      if (x.max_length !== undefined && (x.max_length < 1 || x.max_length > 4000)) fail([...path, 'max_length'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 4000.');
    };
    if (c.type === 18) {
      between([...at, 'label'], c.label, 1, DISCORD_LIMITS.inputLabel);
      max([...at, 'description'], c.description, DISCORD_LIMITS.labelDescription);
      if (c.component?.label !== undefined) fail([...at, 'component', 'label'], 'COMPONENT_LABEL_INVALID', 'A text input inside a label cannot have its own label');
      input(c.component, [...at, 'component']);
    } else if (c.type === 1) {
      count([...at, 'components'], c.components, 1);
      const inner = c.components?.[0];
      input(inner, [...at, 'components', 0]);
      if (inner.label === undefined) fail([...at, 'components', 0, 'label'], 'BASE_TYPE_REQUIRED', 'This field is required');
    } else if (c.type !== 10) fail([...at, 'type'], 'COMPONENT_TYPE_INVALID', 'Invalid component type for a modal');
  });
}

/** An autocomplete answer (callback type 8): ≤ 25 choices, names 1–100, string values ≤ 100. */
export function checkAutocompleteLimits(data: Json): void {
  count(['data', 'choices'], data.choices, DISCORD_LIMITS.choices);
  (data.choices ?? []).forEach((c: Json, i: number) => {
    between(['data', 'choices', i, 'name'], c.name, 1, DISCORD_LIMITS.choiceName);
    if (typeof c.value === 'string') max(['data', 'choices', i, 'value'], c.value, 100);
  });
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Application commands: names 1–32 of Discord's naming regex, lower case; descriptions 1–100; ≤ 25 options. */
export function checkCommandLimits(commands: Json[]): void {
  count([], commands, 100);
  const walk = (c: Json, path: Array<string | number>) => {
    if (typeof c.name !== 'string' || !NAME.test(c.name) || c.name !== c.name.toLowerCase()) {
      fail([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    if ((c.type ?? 1) === 1) between([...path, 'description'], c.description, 1, 100);
    count([...path, 'options'], c.options, 25);
    (c.options ?? []).forEach((o: Json, i: number) => {
      walk(o, [...path, 'options', i]);
      count([...path, 'options', i, 'choices'], o.choices, 25);
    });
  };
  commands.forEach((c, i) => walk(c, [i]));
}
