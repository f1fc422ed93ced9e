export * from './approval';
export * from './model-package-group';
