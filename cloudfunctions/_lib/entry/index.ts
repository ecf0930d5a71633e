export * from './envelope'
export * from './defineFunction'
