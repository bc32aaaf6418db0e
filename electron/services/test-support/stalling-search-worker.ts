/** The real search worker, behind a listener that can make it hang (see stall-on-query). Imports run in order. */
import './stall-on-query';
import '../search/search-worker';
