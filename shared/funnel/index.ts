/**
 * The funnel's pure core, for the canvas, Compare and the PDF: stage names
 * and synonyms, the palette, templates with sourced defaults, line-up and
 * gaps between the teams' funnels, merging into the agreed funnel,
 * validation, typed input, automatic layout and SVG export.
 */
export * from './names';
export * from './stages';
export * from './benchmark-sources';
export * from './standard-stages';
export * from './templates';
export * from './graph';
export * from './lineup';
export * from './gaps';
export * from './merge';
export * from './validate';
export * from './input';
export * from './layout';
export * from './svg';
export * from './clipboard';
