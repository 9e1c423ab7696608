// A tiny llama-architecture GGUF (1 layer, 32-dim, byte-level vocabulary, random weights): real enough for
// node-llama-cpp to load, tokenize and generate under a grammar, small enough (~110 KB) to build in a test.
// Binary layout from the GGUF spec (ggml-org/ggml docs/gguf.md, version 3): header "GGUF", u32 version,
// u64 tensor count, u64 key-value count; key-values (gguf string = u64 length + UTF-8, u32 value type,
// value; arrays: u32 item type, u64 count, items); tensor infos (name, u32 n_dims, u64 dims (ne0 first),
// u32 ggml type, u64 offset from the data start); zero padding to `general.alignment`; tensor data.
// Tensor names and llama.* keys as llama.cpp's convert script writes them for LLaMA models.

const ALIGNMENT = 32;
const enum ValueType { U32 = 4, I32 = 5, F32 = 6, STRING = 8, ARRAY = 9 }
const GGML_F32 = 0;

interface Value {
  type: ValueType;
  value: number | string | Array<number | string>;
  itemType?: ValueType;
}

/** Little-endian writer into a growing list of chunks. */
class Bytes {
  private chunks: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  u32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.push(b);
  }
  i32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    this.push(b);
  }
  u64(n: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    this.push(b);
  }
  f32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(n);
    this.push(b);
  }
  str(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.push(b);
  }
  pad(): void {
    const extra = (ALIGNMENT - (this.length % ALIGNMENT)) % ALIGNMENT;
    if (extra) this.push(Buffer.alloc(extra));
  }
  done(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function writeValue(out: Bytes, v: Value): void {
  out.u32(v.type);
  if (v.type === ValueType.U32) out.u32(v.value as number);
  else if (v.type === ValueType.I32) out.i32(v.value as number);
  else if (v.type === ValueType.F32) out.f32(v.value as number);
  else if (v.type === ValueType.STRING) out.str(v.value as string);
  else {
    const items = v.value as Array<number | string>;
    out.u32(v.itemType!);
    out.u64(items.length);
    for (const item of items) {
      if (v.itemType === ValueType.STRING) out.str(item as string);
      else if (v.itemType === ValueType.F32) out.f32(item as number);
      else out.i32(item as number);
    }
  }
}

/** A deterministic pseudo-random generator (mulberry32), so the file is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const u32 = (value: number): Value => ({ type: ValueType.U32, value });

/** ChatML, the template of Qwen models: node-llama-cpp recognises it and picks its ChatML wrapper. */
const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/**
 * Builds the GGUF bytes. Vocabulary: `<unk>`, `<s>`, `</s>`, then the 256 byte tokens `<0x00>`..`<0xFF>`.
 * With `prefer`, the model ignores its input and ranks those characters first, in that order (every token
 * embeds to one vector, attention and FFN outputs are zero, output rows are that vector scaled by rank):
 * greedy decoding under a JSON grammar then finishes in a few tokens, e.g. `{"tasks":[]}` for prefer `]}[{":`.
 */
export function tinyGguf(options: { seed?: number; embedding?: number; contextLength?: number; prefer?: string } = {}): Buffer {
  const nEmbd = options.embedding ?? 32;
  const nFf = nEmbd * 2;
  const nHead = 4;
  const tokens = ['<unk>', '<s>', '</s>', ...Array.from({ length: 256 }, (_, i) => `<0x${i.toString(16).toUpperCase().padStart(2, '0')}>`)];
  const types = tokens.map((_, i) => (i === 0 ? 2 : i < 3 ? 3 : 6)); // unknown, control, byte
  const nVocab = tokens.length;
  const metadata: Array<[string, Value]> = [
    ['general.architecture', { type: ValueType.STRING, value: 'llama' }],
    ['general.name', { type: ValueType.STRING, value: 'tiny-test-llama' }],
    ['general.alignment', u32(ALIGNMENT)],
    ['llama.context_length', u32(options.contextLength ?? 4096)],
    ['llama.embedding_length', u32(nEmbd)],
    ['llama.block_count', u32(1)],
    ['llama.feed_forward_length', u32(nFf)],
    ['llama.attention.head_count', u32(nHead)],
    ['llama.attention.head_count_kv', u32(nHead)],
    ['llama.rope.dimension_count', u32(nEmbd / nHead)],
    ['llama.attention.layer_norm_rms_epsilon', { type: ValueType.F32, value: 1e-5 }],
    ['llama.vocab_size', u32(nVocab)],
    ['tokenizer.ggml.model', { type: ValueType.STRING, value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: ValueType.ARRAY, itemType: ValueType.STRING, value: tokens }],
    ['tokenizer.ggml.scores', { type: ValueType.ARRAY, itemType: ValueType.F32, value: tokens.map(() => 0) }],
    ['tokenizer.ggml.token_type', { type: ValueType.ARRAY, itemType: ValueType.I32, value: types }],
    ['tokenizer.ggml.unknown_token_id', u32(0)],
    ['tokenizer.ggml.bos_token_id', u32(1)],
    ['tokenizer.ggml.eos_token_id', u32(2)],
    ['tokenizer.chat_template', { type: ValueType.STRING, value: CHATML_TEMPLATE }],
  ];
  const rand = random(options.seed ?? 42);
  const ones = (n: number) => ({ dims: [n], fill: () => 1 });
  const matrix = (cols: number, rows: number) => ({ dims: [cols, rows], fill: undefined as ((i: number) => number) | undefined });
  const zeros = (cols: number, rows: number) => ({ dims: [cols, rows], fill: options.prefer === undefined ? undefined : () => 0 });
  const direction = Array.from({ length: nEmbd }, () => rand() - 0.5);
  const rank = new Map([...(options.prefer ?? '')].map((ch, i, all) => [ch.charCodeAt(0) + 3, all.length - i]));
  const tensors: Array<[string, { dims: number[]; fill?: (i: number) => number }]> = [
    ['token_embd.weight', options.prefer === undefined ? matrix(nEmbd, nVocab) : { dims: [nEmbd, nVocab], fill: (i) => direction[i % nEmbd] }],
    ['output_norm.weight', ones(nEmbd)],
    ['output.weight', options.prefer === undefined ? matrix(nEmbd, nVocab) : { dims: [nEmbd, nVocab], fill: (i) => direction[i % nEmbd] * (rank.get(Math.floor(i / nEmbd)) ?? 0) }],
    ['blk.0.attn_norm.weight', ones(nEmbd)],
    ['blk.0.attn_q.weight', matrix(nEmbd, nEmbd)],
    ['blk.0.attn_k.weight', matrix(nEmbd, nEmbd)],
    ['blk.0.attn_v.weight', matrix(nEmbd, nEmbd)],
    ['blk.0.attn_output.weight', zeros(nEmbd, nEmbd)],
    ['blk.0.ffn_norm.weight', ones(nEmbd)],
    ['blk.0.ffn_gate.weight', matrix(nEmbd, nFf)],
    ['blk.0.ffn_up.weight', matrix(nEmbd, nFf)],
    ['blk.0.ffn_down.weight', zeros(nFf, nEmbd)],
  ];

  const out = new Bytes();
  out.push(Buffer.from('GGUF', 'ascii'));
  out.u32(3);
  out.u64(tensors.length);
  out.u64(metadata.length);
  for (const [key, value] of metadata) {
    out.str(key);
    writeValue(out, value);
  }
  const data = new Bytes();
  for (const [name, t] of tensors) {
    out.str(name);
    out.u32(t.dims.length);
    for (const d of t.dims) out.u64(d);
    out.u32(GGML_F32);
    out.u64(data.length);
    const count = t.dims.reduce((a, b) => a * b, 1);
    for (let i = 0; i < count; i++) data.f32(t.fill ? t.fill(i) : (rand() - 0.5) * 0.2);
    data.pad();
  }
  out.pad();
  out.push(data.done());
  return out.done();
}
