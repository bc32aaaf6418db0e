/** Which screen is showing under the reader: the library list, the search results or the notes. */
export type Screen = 'library' | 'search' | 'notes';

class NavigationState {
  screen = $state<Screen>('library');

  go(screen: Screen): void {
    this.screen = screen;
  }
}

export const navigation = new NavigationState();
