/// <reference types="vite/client" />
interface ImportMetaEnv {
  readonly PACTO_VERSION?: string;
}
