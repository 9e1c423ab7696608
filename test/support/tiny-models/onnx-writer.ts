// Writes ONNX model files from a few lines of graph description, with protobufjs and the subset of
// onnx.proto (onnx/onnx, onnx/onnx.proto3: field numbers copied from there) that small graphs need.
import protobuf from 'protobufjs';

const ONNX_SCHEMA = {
  nested: {
    onnx: {
      nested: {
        ModelProto: { fields: { irVersion: { type: 'int64', id: 1 }, producerName: { type: 'string', id: 2 }, graph: { type: 'GraphProto', id: 7 }, opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 } } },
        OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            name: { type: 'string', id: 3 },
            opType: { type: 'string', id: 4 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            f: { type: 'float', id: 2 },
            i: { type: 'int64', id: 3 },
            ints: { rule: 'repeated', type: 'int64', id: 8 },
            type: { type: 'int32', id: 20 },
          },
        },
        TensorProto: { fields: { dims: { rule: 'repeated', type: 'int64', id: 1 }, dataType: { type: 'int32', id: 2 }, name: { type: 'string', id: 8 }, rawData: { type: 'bytes', id: 9 } } },
        ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
        TypeProto: { fields: { tensorType: { type: 'TypeProtoTensor', id: 1 } } },
        TypeProtoTensor: { fields: { elemType: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } },
        TensorShapeProto: { fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } } },
        Dimension: { oneofs: { value: { oneof: ['dimValue', 'dimParam'] } }, fields: { dimValue: { type: 'int64', id: 1 }, dimParam: { type: 'string', id: 2 } } },
      },
    },
  },
};

const ModelProto = protobuf.Root.fromJSON(ONNX_SCHEMA).lookupType('onnx.ModelProto');

/** ONNX element types used here (TensorProto.DataType). */
export const FLOAT = 1;
export const INT64 = 7;

/** A graph input or output: a name, an element type and a shape (numbers, or names for dynamic axes). */
export interface TensorSpec {
  name: string;
  elemType: number;
  shape: Array<number | string>;
}

/** One operator node; attributes are ints, int lists or floats. */
export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, number | number[] | { float: number }>;
}

/** A constant tensor of the graph (weights). */
export interface InitializerSpec {
  name: string;
  dims: number[];
  /** float32 values (or int64 values when `int64` is set). */
  values: number[] | Float32Array;
  int64?: boolean;
}

/** A whole graph. */
export interface GraphSpec {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  nodes: NodeSpec[];
  initializers: InitializerSpec[];
}

function attribute(name: string, value: number | number[] | { float: number }) {
  if (Array.isArray(value)) return { name, ints: value, type: 7 };
  if (typeof value === 'object') return { name, f: value.float, type: 1 };
  return { name, i: value, type: 2 };
}

function rawData(init: InitializerSpec): Uint8Array {
  if (init.int64) {
    const data = new BigInt64Array(init.values.length);
    Array.from(init.values).forEach((v, i) => (data[i] = BigInt(v)));
    return new Uint8Array(data.buffer);
  }
  return new Uint8Array(Float32Array.from(init.values).buffer);
}

const valueInfo = (t: TensorSpec) => ({
  name: t.name,
  type: { tensorType: { elemType: t.elemType, shape: { dim: t.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
});

/** Encodes a graph as an ONNX model file (IR 8, opset 13). */
export function encodeOnnx(graph: GraphSpec): Uint8Array {
  const message = ModelProto.fromObject({
    irVersion: 8,
    producerName: 'hugginggpt-studio tiny models',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'tiny',
      node: graph.nodes.map((n, k) => ({
        name: `n${k}`,
        opType: n.op,
        input: n.inputs,
        output: n.outputs,
        attribute: Object.entries(n.attributes ?? {}).map(([name, value]) => attribute(name, value)),
      })),
      initializer: graph.initializers.map((init) => ({ name: init.name, dims: init.dims, dataType: init.int64 ? INT64 : FLOAT, rawData: rawData(init) })),
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
    },
  });
  return ModelProto.encode(message).finish();
}
