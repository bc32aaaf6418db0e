/** Which screen is showing under the reader: the library list or the search results. */
export type Screen = 'library' | 'search';

class NavigationState {
  screen = $state<Screen>('library');
}

export const navigation = new NavigationState();
