// Tiny real models for the built-in runtime's tests and benchmark: ONNX graphs of a few hundred bytes
// with the input/output names, configs and preprocessors transformers.js expects for each task family.
// Their answers are computed, not canned: the colour models label an image by its mean colour, the
// sentiment model sums word embeddings, the loudness model measures the signal's energy.
import { encodeOnnx, FLOAT, INT64 } from './onnx-writer';

/** The files of one model repository, by path (bytes or JSON). */
export type RepoFiles = Record<string, Uint8Array | object>;

const COLOURS = ['red', 'green', 'blue'];
const id2label = (labels: string[]) => Object.fromEntries(labels.map((l, i) => [String(i), l]));

/** A ViTImageProcessor that scales pixels to [-1, 1] on a small square. */
const vitProcessor = (size: number) => ({
  image_processor_type: 'ViTImageProcessor', do_resize: true, size: { height: size, width: size }, resample: 2,
  do_rescale: true, rescale_factor: 1 / 255, do_normalize: true, image_mean: [0.5, 0.5, 0.5], image_std: [0.5, 0.5, 0.5],
});

/** pixel_values -> mean colour per channel [B, 3]: the feature every colour model reads. */
const meanColour = [
  { op: 'GlobalAveragePool', inputs: ['pixel_values'], outputs: ['pooled'] },
  { op: 'Flatten', inputs: ['pooled'], outputs: ['colour'], attributes: { axis: 1 } },
];

/**
 * Image classification (ViT): labels an image red, green or blue by its mean colour. `hidden` > 0 adds a
 * chain of `hidden`x`hidden` MatMuls (so that inference dominates in the benchmark) without changing the answer.
 */
export function vitColours(options: { size?: number; hidden?: number; layers?: number } = {}): RepoFiles {
  const size = options.size ?? 8;
  const hidden = options.hidden ?? 0;
  const layers = options.layers ?? 0;
  const nodes = [...meanColour];
  const initializers = [];
  let last = 'colour';
  if (hidden > 0) {
    // Spread the 3 colours over `hidden` units, pass them through identity-like layers, read them back.
    const up = new Float32Array(3 * hidden), down = new Float32Array(hidden * 3), eye = new Float32Array(hidden * hidden);
    for (let c = 0; c < 3; c++) { up[c * hidden + c] = 1; down[c * 3 + c] = 1; }
    for (let i = 0; i < hidden; i++) eye[i * hidden + i] = 1;
    initializers.push({ name: 'up', dims: [3, hidden], values: up }, { name: 'down', dims: [hidden, 3], values: down }, { name: 'eye', dims: [hidden, hidden], values: eye });
    nodes.push({ op: 'MatMul', inputs: ['colour', 'up'], outputs: ['h0'] });
    for (let k = 0; k < layers; k++) nodes.push({ op: 'MatMul', inputs: [`h${k}`, 'eye'], outputs: [`h${k + 1}`] });
    nodes.push({ op: 'MatMul', inputs: [`h${layers}`, 'down'], outputs: ['colour_out'] });
    last = 'colour_out';
  }
  initializers.push({ name: 'w', dims: [3, 3], values: [4, 0, 0, 0, 4, 0, 0, 0, 4] });
  nodes.push({ op: 'MatMul', inputs: [last, 'w'], outputs: ['logits'] });
  const model = encodeOnnx({
    inputs: [{ name: 'pixel_values', elemType: FLOAT, shape: ['batch', 3, size, size] }],
    outputs: [{ name: 'logits', elemType: FLOAT, shape: ['batch', 3] }],
    nodes,
    initializers,
  });
  return {
    'config.json': { model_type: 'vit', architectures: ['ViTForImageClassification'], id2label: id2label(COLOURS), label2id: {} },
    'preprocessor_config.json': vitProcessor(size),
    'onnx/model_quantized.onnx': model,
  };
}

/**
 * Object detection (DETR): two queries; query 0 finds the image's dominant colour in the centre box
 * (cx, cy, w, h = 0.5, 0.5, 0.5, 0.5), query 1 is "no object".
 */
export function detrColours(): RepoFiles {
  // logits [1, 2, 4]: 3 colour classes + no-object. Query 0 = 10 * colour, query 1 = no-object.
  const w = new Float32Array(3 * 8);
  for (let c = 0; c < 3; c++) w[c * 8 + c] = 10;
  const bias = new Float32Array(8);
  bias[7] = 10;
  const model = encodeOnnx({
    inputs: [{ name: 'pixel_values', elemType: FLOAT, shape: ['batch', 3, 'height', 'width'] }],
    outputs: [
      { name: 'logits', elemType: FLOAT, shape: ['batch', 2, 4] },
      { name: 'pred_boxes', elemType: FLOAT, shape: ['batch', 2, 4] },
    ],
    nodes: [
      ...meanColour,
      { op: 'MatMul', inputs: ['colour', 'w'], outputs: ['flat'] },
      { op: 'Add', inputs: ['flat', 'bias'], outputs: ['flat_biased'] },
      { op: 'Reshape', inputs: ['flat_biased', 'logits_shape'], outputs: ['logits'] },
      // Boxes do not depend on the image: zero weights plus a constant.
      { op: 'MatMul', inputs: ['colour', 'zero'], outputs: ['box_flat0'] },
      { op: 'Add', inputs: ['box_flat0', 'box_const'], outputs: ['box_flat'] },
      { op: 'Reshape', inputs: ['box_flat', 'boxes_shape'], outputs: ['pred_boxes'] },
    ],
    initializers: [
      { name: 'w', dims: [3, 8], values: w },
      { name: 'bias', dims: [8], values: bias },
      { name: 'logits_shape', dims: [3], values: [-1, 2, 4], int64: true },
      { name: 'zero', dims: [3, 8], values: new Float32Array(24) },
      { name: 'box_const', dims: [8], values: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.1, 0.1] },
      { name: 'boxes_shape', dims: [3], values: [-1, 2, 4], int64: true },
    ],
  });
  return {
    'config.json': { model_type: 'detr', architectures: ['DetrForObjectDetection'], id2label: id2label(COLOURS), label2id: {} },
    'preprocessor_config.json': {
      image_processor_type: 'DetrImageProcessor', do_resize: true, size: { shortest_edge: 16, longest_edge: 32 }, resample: 2,
      do_rescale: true, rescale_factor: 1 / 255, do_normalize: true, image_mean: [0.5, 0.5, 0.5], image_std: [0.5, 0.5, 0.5], do_pad: false,
    },
    'onnx/model_quantized.onnx': model,
  };
}

const SENTIMENT_WORDS = ['[UNK]', '[PAD]', 'good', 'great', 'love', 'bad', 'awful', 'hate'];

/** Text classification (BERT): POSITIVE or NEGATIVE by the sum of its known words' embeddings. */
export function bertSentiment(): RepoFiles {
  const embedding = SENTIMENT_WORDS.flatMap((word, i) => (i < 2 ? [0, 0] : i < 5 ? [-3, 3] : [3, -3]));
  const model = encodeOnnx({
    inputs: [
      { name: 'input_ids', elemType: INT64, shape: ['batch', 'sequence'] },
      { name: 'attention_mask', elemType: INT64, shape: ['batch', 'sequence'] },
    ],
    outputs: [{ name: 'logits', elemType: FLOAT, shape: ['batch', 2] }],
    nodes: [
      { op: 'Gather', inputs: ['embedding', 'input_ids'], outputs: ['embedded'], attributes: { axis: 0 } },
      { op: 'ReduceSum', inputs: ['embedded', 'axes'], outputs: ['logits'], attributes: { keepdims: 0 } },
    ],
    initializers: [
      { name: 'embedding', dims: [SENTIMENT_WORDS.length, 2], values: embedding },
      { name: 'axes', dims: [1], values: [1], int64: true },
    ],
  });
  return {
    'config.json': { model_type: 'bert', architectures: ['BertForSequenceClassification'], id2label: { 0: 'NEGATIVE', 1: 'POSITIVE' }, label2id: {} },
    ...sentimentTokenizer(),
    'onnx/model_quantized.onnx': model,
  };
}

/** A WordLevel tokenizer over SENTIMENT_WORDS (lower-cased, split on whitespace and punctuation). */
function sentimentTokenizer(): RepoFiles {
  const tokenizer = {
    version: '1.0', truncation: null, padding: null,
    added_tokens: [0, 1].map((id) => ({ id, content: SENTIMENT_WORDS[id], single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'Lowercase' },
    pre_tokenizer: { type: 'Whitespace' },
    post_processor: null,
    decoder: null,
    model: { type: 'WordLevel', vocab: Object.fromEntries(SENTIMENT_WORDS.map((w, i) => [w, i])), unk_token: '[UNK]' },
  };
  return {
    'tokenizer.json': tokenizer,
    'tokenizer_config.json': { tokenizer_class: 'BertTokenizer', unk_token: '[UNK]', pad_token: '[PAD]', model_max_length: 64 },
  };
}

/** A BERT graph from token ids to per-token vectors: `embedding` rows, named `output`. */
function tokenVectors(embedding: number[], width: number, output: string) {
  return encodeOnnx({
    inputs: [
      { name: 'input_ids', elemType: INT64, shape: ['batch', 'sequence'] },
      { name: 'attention_mask', elemType: INT64, shape: ['batch', 'sequence'] },
    ],
    outputs: [{ name: output, elemType: FLOAT, shape: ['batch', 'sequence', width] }],
    nodes: [{ op: 'Gather', inputs: ['embedding', 'input_ids'], outputs: [output], attributes: { axis: 0 } }],
    initializers: [{ name: 'embedding', dims: [SENTIMENT_WORDS.length, width], values: embedding }],
  });
}

/** Token classification (BERT): tags positive words POS and negative words NEG, others O. */
export function bertWordTags(): RepoFiles {
  const embedding = SENTIMENT_WORDS.flatMap((_, i) => (i < 2 ? [5, 0, 0] : i < 5 ? [0, 5, 0] : [0, 0, 5]));
  return {
    'config.json': { model_type: 'bert', architectures: ['BertForTokenClassification'], id2label: { 0: 'O', 1: 'POS', 2: 'NEG' }, label2id: {} },
    ...sentimentTokenizer(),
    'onnx/model_quantized.onnx': tokenVectors(embedding, 3, 'logits'),
  };
}

/** Sentence embeddings (BERT): positive words point one way, negative words the other. */
export function bertSentimentEmbeddings(): RepoFiles {
  const embedding = SENTIMENT_WORDS.flatMap((_, i) => (i < 2 ? [0, 0] : i < 5 ? [1, 0.1] : [-1, 0.1]));
  return {
    'config.json': { model_type: 'bert', architectures: ['BertModel'] },
    ...sentimentTokenizer(),
    'onnx/model_quantized.onnx': tokenVectors(embedding, 2, 'last_hidden_state'),
  };
}

/** Audio classification (wav2vec2): "sound" or "silence" by the normalised signal's energy. */
export function wav2vec2Loudness(): RepoFiles {
  const model = encodeOnnx({
    inputs: [{ name: 'input_values', elemType: FLOAT, shape: ['batch', 'samples'] }],
    outputs: [{ name: 'logits', elemType: FLOAT, shape: ['batch', 2] }],
    nodes: [
      { op: 'Mul', inputs: ['input_values', 'input_values'], outputs: ['squared'] },
      { op: 'ReduceMean', inputs: ['squared'], outputs: ['energy'], attributes: { axes: [1], keepdims: 1 } },
      { op: 'MatMul', inputs: ['energy', 'w'], outputs: ['scaled'] },
      { op: 'Add', inputs: ['scaled', 'b'], outputs: ['logits'] },
    ],
    initializers: [
      // silence: 0.5 - 0 * e; sound: -0.5 + 1 * e  -> sound wins when the energy is above 1.
      { name: 'w', dims: [1, 2], values: [0, 10] },
      { name: 'b', dims: [2], values: [0.5, -0.5] },
    ],
  });
  return {
    'config.json': { model_type: 'wav2vec2', architectures: ['Wav2Vec2ForSequenceClassification'], id2label: { 0: 'silence', 1: 'sound' }, label2id: {} },
    'preprocessor_config.json': {
      feature_extractor_type: 'Wav2Vec2FeatureExtractor', do_normalize: false, feature_size: 1, padding_side: 'right',
      padding_value: 0, return_attention_mask: false, sampling_rate: 16000,
    },
    'onnx/model_quantized.onnx': model,
  };
}

/** Depth estimation (DPT): the depth of a pixel is its brightness (the mean of its channels). */
export function dptBrightness(): RepoFiles {
  const model = encodeOnnx({
    inputs: [{ name: 'pixel_values', elemType: FLOAT, shape: ['batch', 3, 'height', 'width'] }],
    outputs: [{ name: 'predicted_depth', elemType: FLOAT, shape: ['batch', 'height', 'width'] }],
    nodes: [
      { op: 'ReduceMean', inputs: ['pixel_values'], outputs: ['mean'], attributes: { axes: [1], keepdims: 0 } },
      { op: 'Add', inputs: ['mean', 'one'], outputs: ['predicted_depth'] },
    ],
    initializers: [{ name: 'one', dims: [1], values: [1] }],
  });
  return {
    'config.json': { model_type: 'dpt', architectures: ['DPTForDepthEstimation'] },
    'preprocessor_config.json': { ...vitProcessor(16), image_processor_type: 'DPTImageProcessor' },
    'onnx/model_quantized.onnx': model,
  };
}

/** Semantic segmentation (SegFormer): each pixel belongs to its strongest colour channel. */
export function segformerColours(): RepoFiles {
  const model = encodeOnnx({
    inputs: [{ name: 'pixel_values', elemType: FLOAT, shape: ['batch', 3, 'height', 'width'] }],
    outputs: [{ name: 'logits', elemType: FLOAT, shape: ['batch', 3, 'height', 'width'] }],
    nodes: [{ op: 'Mul', inputs: ['pixel_values', 'ten'], outputs: ['logits'] }],
    initializers: [{ name: 'ten', dims: [1], values: [10] }],
  });
  return {
    'config.json': { model_type: 'segformer', architectures: ['SegformerForSemanticSegmentation'], id2label: id2label(COLOURS), label2id: {} },
    'preprocessor_config.json': { ...vitProcessor(16), image_processor_type: 'SegformerImageProcessor', do_reduce_labels: false },
    'onnx/model_quantized.onnx': model,
  };
}

/** The tiny models the tests serve, by repo id, with the task each runs. */
export const TINY_MODELS = {
  'tiny/vit-colours': { task: 'image-classification', files: () => vitColours() },
  'tiny/detr-colours': { task: 'object-detection', files: () => detrColours() },
  'tiny/bert-sentiment': { task: 'text-classification', files: () => bertSentiment() },
  'tiny/wav2vec2-loudness': { task: 'audio-classification', files: () => wav2vec2Loudness() },
  'tiny/dpt-brightness': { task: 'depth-estimation', files: () => dptBrightness() },
  'tiny/segformer-colours': { task: 'image-segmentation', files: () => segformerColours() },
  'tiny/bert-word-tags': { task: 'token-classification', files: () => bertWordTags() },
  'tiny/bert-embeddings': { task: 'sentence-similarity', files: () => bertSentimentEmbeddings() },
} as const;
