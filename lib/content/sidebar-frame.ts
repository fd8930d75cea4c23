/** Widths of the sidebar frame, open and collapsed to its tab, in CSS pixels. */
export const FRAME_WIDTH = 380;
export const COLLAPSED_WIDTH = 44;

const FRAME_STYLE = [
  'position:fixed', 'top:0', 'right:0', 'height:100vh', 'border:0', 'margin:0', 'padding:0',
  'z-index:2147483646', 'background:transparent', 'color-scheme:normal', 'box-shadow:-1px 0 0 rgba(0,0,0,.12)',
].join(';');

/**
 * The sidebar as an extension-origin iframe: the host page can move or remove the element, but it
 * cannot read what the frame shows. Client data never enters the host DOM; this element carries
 * none (not even the client's name in its title).
 */
export class SidebarFrame {
  private readonly frame: HTMLIFrameElement;
  private visible = false;
  private collapsed = false;

  constructor(src: string, private readonly doc: Document = document) {
    this.frame = doc.createElement('iframe');
    this.frame.src = src;
    this.frame.title = 'Secondment Lens';
    this.frame.setAttribute('style', `${FRAME_STYLE};display:none`);
    this.frame.setAttribute('data-secondment-lens', '');
  }

  /** Calls `listener` each time the frame's document has loaded (the browser's event, not the page's). */
  onLoad(listener: (frameWindow: Window | null) => void): void {
    this.frame.addEventListener('load', (event) => {
      if (event.isTrusted) listener(this.frame.contentWindow);
    });
  }

  /** Inserts the frame (hidden) so that it loads while the record is being detected. */
  mount(): void {
    if (!this.frame.isConnected) this.doc.documentElement.append(this.frame);
  }

  show(visible: boolean): void {
    this.visible = visible;
    this.layout();
  }

  setCollapsed(collapsed: boolean): void {
    this.collapsed = collapsed;
    if (this.visible) this.layout(); // a hidden frame is laid out when it is shown
  }

  remove(): void {
    this.visible = false;
    this.frame.remove();
    this.doc.documentElement.style.removeProperty('margin-right');
  }

  /**
   * Whether the user sees the sidebar as drawn: the check the background makes before a write from
   * the frame, for browsers without IntersectionObserver v2 (Firefox) and as a second line in the
   * others. Read in the content script's world, so the page cannot fake the answers; it sees
   * styles that hide or distort the frame (on it or on <html>) and anything hit-testable on top.
   * Not seen: an overlay with `pointer-events: none` (hit-testing skips it).
   */
  shownPlainly(): boolean {
    if (!this.visible || this.collapsed || !this.frame.isConnected) return false;
    const view = this.doc.defaultView;
    if (!view) return false;
    for (const element of [this.frame, this.doc.documentElement]) {
      const s = view.getComputedStyle(element);
      if (s.opacity !== '1' || s.visibility !== 'visible' || s.filter !== 'none' || s.mixBlendMode !== 'normal'
        || s.clipPath !== 'none' || (s.maskImage || 'none') !== 'none' || (element === this.frame && s.transform !== 'none')) return false;
    }
    const r = this.frame.getBoundingClientRect();
    if (r.width < FRAME_WIDTH - 1 || r.left < 0 || r.right > view.innerWidth + 1 || r.height < Math.min(200, view.innerHeight)) return false;
    const x = r.left + r.width / 2;
    return [r.top + 40, r.top + r.height / 2, r.bottom - 40].every((y) => this.doc.elementFromPoint(x, y) === this.frame);
  }

  /** Puts the frame back if the host page removed it (some SPAs rebuild the whole document). */
  ensureMounted(): void {
    if (!this.frame.isConnected) this.mount();
  }

  private layout(): void {
    const width = this.collapsed ? COLLAPSED_WIDTH : FRAME_WIDTH;
    this.frame.setAttribute('style', `${FRAME_STYLE};width:${width}px;display:${this.visible ? 'block' : 'none'}`);
    // Make room on the host page instead of covering the record.
    const root = this.doc.documentElement.style;
    if (this.visible) root.setProperty('margin-right', `${width}px`, 'important');
    else root.removeProperty('margin-right');
  }
}
