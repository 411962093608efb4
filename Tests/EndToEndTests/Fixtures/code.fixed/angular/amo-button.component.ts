import { AfterViewInit, Component, ElementRef, Input, ViewChild } from '@angular/core';

@Component({
  selector: 'app-amo-button',
  template: '<div #host></div>',
})
export class AmoButtonComponent implements AfterViewInit {
  @Input() state = '';
  @ViewChild('host') host!: ElementRef<HTMLDivElement>;

  ngAfterViewInit(): void {
    const script: HTMLScriptElement = document.createElement('script');
    script.setAttribute('class', 'amocrm_oauth');
    script.setAttribute('data-client-id', '0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b');
    script.setAttribute('data-state', this.state);
    script.setAttribute('data-error-callback', 'onAmoError');
    script.src = 'https://www.amocrm.ru/auth/button.min.js';
    this.host.nativeElement.appendChild(script);
  }
}
