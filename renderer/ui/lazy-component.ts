/** Components loaded on first use, each from its own chunk (React.lazy over a module's named export). */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as React.lazy's own bound: a component of any props
type AnyComponent = ComponentType<any>;

/** `T` when it is a component, else never. */
type ComponentOf<T> = T extends AnyComponent ? T : never;

/**
 * The component exported as `name` by the module that `load` imports,
 * loaded the first time it renders (render it inside a `<Suspense>`), with
 * that component's props.
 */
export function lazyComponent<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<ComponentOf<M[K]>> {
  return lazy(async () => ({ default: (await load())[name] as ComponentOf<M[K]> }));
}
