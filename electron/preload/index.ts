import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('pursuit', {});
