// Exposes the contract's one entry point and nothing else; main validates every call.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('twinning', {
  call: (name: string, input: unknown, jobId?: string) => ipcRenderer.invoke('twinning:call', name, input, jobId),
});
