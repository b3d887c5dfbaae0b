export { OBJECT_TYPES, ObjectType, type ObjectTypeName } from '@carbon-ets/contract';
