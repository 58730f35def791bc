/// <reference types="vite/client" />

// The build picks the bridge: the loopback harness (HTTP) or Electron's preload. Both export a RawBridge.
declare module '@bridge' {
  const bridge: import('../../shared/api').RawBridge;
  export default bridge;
}
