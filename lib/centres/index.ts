/** The centre directory and centre search: the public API of lib/centres. */
export {
  CENTRE_KINDS,
  CentreDirectory,
  describeDestination,
  parseAgencies,
  parseCentres,
  type Agency,
  type Centre,
  type CentreKind,
  type Destination,
} from './directory';
export { LOCATION_THRESHOLDS } from './locationChoice';
export { CentreSearch, type CentreHit, type CentreSearchOptions } from './search';
export { centreContact, type CentreContact } from './contact';
