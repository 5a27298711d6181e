/** Small inline icons, one per kind, so each element is recognisable without reading it. */
const common = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export const ServerIcon = () => (
  <svg {...common}><rect x="3" y="4" width="18" height="7" rx="1.5" /><rect x="3" y="13" width="18" height="7" rx="1.5" /><path d="M7 7.5h.01M7 16.5h.01" /></svg>
);
export const PodIcon = () => (
  <svg {...common}><path d="M12 2.8 20 7.4v9.2l-8 4.6-8-4.6V7.4z" /><path d="M4 7.4 12 12l8-4.6M12 12v9.2" /></svg>
);
export const ServiceIcon = () => (
  <svg {...common}><circle cx="12" cy="5" r="2.2" /><circle cx="5" cy="19" r="2.2" /><circle cx="19" cy="19" r="2.2" /><path d="M12 7.2v4.3M12 11.5 5.8 17M12 11.5l6.2 5.5" /></svg>
);
export const CloudIcon = () => (
  <svg {...common}><path d="M7 18h10.5a4 4 0 0 0 .6-7.96A6 6 0 0 0 6.3 9.6 4.2 4.2 0 0 0 7 18z" /></svg>
);
export const GlobeIcon = () => (
  <svg {...common}><circle cx="12" cy="12" r="9" /><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" /></svg>
);
export const LaptopIcon = () => (
  <svg {...common}><rect x="4" y="5" width="16" height="11" rx="1.5" /><path d="M2 19h20" /></svg>
);
/** An address: a pin. */
export const EndpointIcon = () => (
  <svg {...common}><path d="M12 21s-6.5-5.6-6.5-11A6.5 6.5 0 0 1 18.5 10c0 5.4-6.5 11-6.5 11z" /><circle cx="12" cy="10" r="2.3" /></svg>
);
