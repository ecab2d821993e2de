/** Browse's extension points live in renderer/state (other features register there); re-exported for browse's own files. */
export * from '../../state/browse-extensions';
