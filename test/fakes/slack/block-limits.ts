/**
 * Slack's documented Block Kit limits, answered the way the Web API answers them
 * (docs.slack.dev/reference/block-kit/blocks, …/composition-objects, …/surfaces/modals, chat.postMessage errors):
 * `invalid_blocks` with `errors: ["… [json-pointer:/blocks/3/text/text]"]` for a block outside the schema,
 * `msg_blocks_too_long` when the message's blocks hold more than about 12,000 characters of text in all
 * (slackapi/bolt-js#2509, #2867), and `invalid_arguments` for a modal outside its limits.
 * Lengths are counted in UTF-16 units (what Slack's JSON schema limits measure, as far as the docs say).
 */
type Json = Record<string, any>;

export const SLACK_LIMITS = {
  messageBlocks: 50, modalBlocks: 100, messageText: 12_000, sectionText: 3000, sectionFields: 10, fieldText: 2000,
  headerText: 150, contextElements: 10, contextText: 3000, buttonText: 75, actionId: 255, blockId: 255, value: 2000,
  actionElements: 25, modalTitle: 24, modalButton: 24, privateMetadata: 3000, callbackId: 255, inputLabel: 2000,
  fallbackText: 40_000,
} as const;

export class BlockError extends Error {
  constructor(readonly error: 'invalid_blocks' | 'msg_blocks_too_long' | 'invalid_arguments', readonly details: string[] = []) {
    super(error);
  }
}

function check(path: string, ok: boolean, problem: string): void {
  if (!ok) throw new BlockError('invalid_blocks', [`${problem} [json-pointer:${path}]`]);
}
const under = (path: string, s: unknown, max: number) => check(path, typeof s !== 'string' || s.length <= max, `must be less than ${max + 1} characters`);
const present = (path: string, s: unknown) => check(path, typeof s === 'string' && s.length > 0, 'must be more than 0 characters');

function textObject(path: string, t: Json | undefined, max: number, plainOnly = false): number {
  if (!t) return 0;
  check(`${path}/type`, t.type === 'plain_text' || (!plainOnly && t.type === 'mrkdwn'), plainOnly ? 'must be a plain_text object' : 'must be a text object');
  present(`${path}/text`, t.text);
  under(`${path}/text`, t.text, max);
  return t.text.length;
}

function element(path: string, e: Json): number {
  under(`${path}/action_id`, e.action_id, SLACK_LIMITS.actionId);
  if (e.type === 'button') {
    under(`${path}/value`, e.value, SLACK_LIMITS.value);
    under(`${path}/url`, e.url, 3000);
    return textObject(`${path}/text`, e.text, SLACK_LIMITS.buttonText, true);
  }
  return 0;
}

/** Checks one block; returns the characters of text it holds (what `msg_blocks_too_long` counts). */
function block(path: string, b: Json): number {
  check(path, b && typeof b.type === 'string', 'missing required field: type');
  under(`${path}/block_id`, b.block_id, SLACK_LIMITS.blockId);
  switch (b.type) {
    case 'section': {
      check(path, Boolean(b.text || b.fields), 'must provide either text or fields');
      let n = textObject(`${path}/text`, b.text, SLACK_LIMITS.sectionText);
      check(`${path}/fields`, !b.fields || b.fields.length <= SLACK_LIMITS.sectionFields, `must be no more than ${SLACK_LIMITS.sectionFields} items`);
      (b.fields ?? []).forEach((f: Json, i: number) => (n += textObject(`${path}/fields/${i}`, f, SLACK_LIMITS.fieldText)));
      if (b.accessory) n += element(`${path}/accessory`, b.accessory);
      return n;
    }
    case 'header':
      return textObject(`${path}/text`, b.text, SLACK_LIMITS.headerText, true);
    case 'context': {
      check(`${path}/elements`, Array.isArray(b.elements) && b.elements.length > 0, 'must provide at least 1 element');
      check(`${path}/elements`, b.elements.length <= SLACK_LIMITS.contextElements, `must be no more than ${SLACK_LIMITS.contextElements} items`);
      return b.elements.reduce((n: number, e: Json, i: number) => n + (e.type === 'image' ? 0 : textObject(`${path}/elements/${i}`, e, SLACK_LIMITS.contextText)), 0);
    }
    case 'actions': {
      check(`${path}/elements`, Array.isArray(b.elements) && b.elements.length > 0, 'must provide at least 1 element');
      check(`${path}/elements`, b.elements.length <= SLACK_LIMITS.actionElements, `must be no more than ${SLACK_LIMITS.actionElements} items`);
      return b.elements.reduce((n: number, e: Json, i: number) => n + element(`${path}/elements/${i}`, e), 0);
    }
    case 'divider':
      return 0;
    case 'input': {
      const n = textObject(`${path}/label`, b.label, SLACK_LIMITS.inputLabel, true);
      check(`${path}/element`, Boolean(b.element?.type), 'missing required field: element');
      under(`${path}/element/action_id`, b.element.action_id, SLACK_LIMITS.actionId);
      if (b.element.max_length !== undefined) check(`${path}/element/max_length`, b.element.max_length >= 1 && b.element.max_length <= 3000, 'must be between 1 and 3000');
      return n;
    }
    case 'data_visualization':
    case 'image':
    case 'rich_text':
    case 'file':
      return 0;
    default:
      check(`${path}/type`, false, `unsupported type: ${b.type}`);
      return 0;
  }
}

/** A message's blocks (chat.postMessage, chat.update, chat.postEphemeral, response_url). */
export function checkMessageBlocks(blocks: unknown, text?: unknown): void {
  if (typeof text === 'string' && text.length > SLACK_LIMITS.fallbackText) throw new BlockError('invalid_arguments', ['text is too long']);
  if (blocks === undefined) return;
  check('/blocks', Array.isArray(blocks), 'must be an array');
  const list = blocks as Json[];
  check('/blocks', list.length <= SLACK_LIMITS.messageBlocks, `must be no more than ${SLACK_LIMITS.messageBlocks} items`);
  const chars = list.reduce((n, b, i) => n + block(`/blocks/${i}`, b), 0);
  if (chars > SLACK_LIMITS.messageText) throw new BlockError('msg_blocks_too_long');
}

/** A modal (views.open / views.update / views.push). */
export function checkModal(view: Json): void {
  try {
    check('/view/type', view?.type === 'modal', 'must be modal');
    textObject('/view/title', view.title, SLACK_LIMITS.modalTitle, true);
    check('/view/title', Boolean(view.title), 'missing required field: title');
    textObject('/view/submit', view.submit, SLACK_LIMITS.modalButton, true);
    textObject('/view/close', view.close, SLACK_LIMITS.modalButton, true);
    under('/view/private_metadata', view.private_metadata, SLACK_LIMITS.privateMetadata);
    under('/view/callback_id', view.callback_id, SLACK_LIMITS.callbackId);
    check('/view/blocks', Array.isArray(view.blocks) && view.blocks.length <= SLACK_LIMITS.modalBlocks, `must be no more than ${SLACK_LIMITS.modalBlocks} items`);
    const hasInput = view.blocks.some((b: Json) => b?.type === 'input');
    check('/view/submit', !hasInput || Boolean(view.submit), 'must provide submit when an input block is present');
    view.blocks.forEach((b: Json, i: number) => block(`/view/blocks/${i}`, b));
  } catch (error) {
    if (error instanceof BlockError) throw new BlockError('invalid_arguments', error.details.map((d) => d.replace('[json-pointer:/view', '[json-pointer:/view')));
    throw error;
  }
}

/** The Web API answer for a refusal: `{ ok: false, error, errors?, response_metadata? }`. */
export function refusal(error: BlockError): Json {
  return {
    ok: false, error: error.error,
    ...(error.details.length ? { errors: error.details, response_metadata: { messages: error.details.map((d) => `[ERROR] ${d}`) } } : {}),
  };
}
