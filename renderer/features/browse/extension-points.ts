/** Browse's extension points live in renderer/lib/browse-extensions.ts (features may not import each other); browse's own code keeps this name. */
export * from '../../lib/browse-extensions';
