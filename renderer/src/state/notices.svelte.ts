/** Transient messages for the status area (errors a person should see but need not dismiss). */
class NoticesState {
  message = $state<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  show(message: string, seconds = 8): void {
    this.message = message;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.message = null), seconds * 1000);
  }

  dismiss(): void {
    clearTimeout(this.timer);
    this.message = null;
  }
}

export const notices = new NoticesState();
