/**
 * Stripe.js, loaded only when the payer chooses a card: the server names the script (Payments:Stripe:JsUrl; Stripe's
 * own address, or a fake on 127.0.0.1 in the end-to-end suite) and the page's CSP allows exactly that origin. Only the
 * part of Stripe.js the card form calls is typed here.
 */
export interface StripeCardElement {
  mount(target: HTMLElement): void;
  on(event: 'change', handler: (e: { complete: boolean; empty: boolean; error?: { message: string } }) => void): void;
  destroy(): void;
}

export interface StripeConfirmResult {
  paymentIntent?: { id: string; status: string };
  error?: { message?: string; code?: string; decline_code?: string };
}

export interface StripeJs {
  elements(): { create(type: 'card', options?: Record<string, unknown>): StripeCardElement };
  confirmCardPayment(clientSecret: string, data: { payment_method: { card: StripeCardElement } }): Promise<StripeConfirmResult>;
}

type StripeFactory = (publishableKey: string) => StripeJs;

const loads = new Map<string, Promise<StripeFactory>>();

/** Adds the script once per address; a failed load is forgotten so that "Try again" loads it again. */
export function loadStripeJs(url: string): Promise<StripeFactory> {
  const known = (window as unknown as { Stripe?: StripeFactory }).Stripe;
  if (known) return Promise.resolve(known);
  let load = loads.get(url);
  if (!load) {
    load = new Promise<StripeFactory>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = () => {
        const factory = (window as unknown as { Stripe?: StripeFactory }).Stripe;
        if (factory) resolve(factory);
        else reject(new Error('Stripe.js loaded but did not start.'));
      };
      script.onerror = () => {
        script.remove();
        reject(new Error('Stripe.js could not be loaded.'));
      };
      document.head.appendChild(script);
    });
    load.catch(() => loads.delete(url));
    loads.set(url, load);
  }
  return load;
}
