// Which hosts belong to Hugging Face: the token is sent to these only.

/** True for hosts that belong to Hugging Face (the Hub, dedicated Inference Endpoints, Spaces, the router). */
export function isHuggingFaceHost(url: string): boolean {
  try {
    return /(^|\.)(huggingface\.co|huggingface\.cloud|hf\.space)$/.test(new URL(url).hostname);
  } catch {
    return false;
  }
}
