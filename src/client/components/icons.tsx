/**
 * A handful of inline SVG icons (no icon font, no network): status must never rest on colour alone, so each
 * connection state and navigation entry also has a shape.
 */
interface IconProps {
  className?: string;
}
const svg = { width: '1em', height: '1em', viewBox: '0 0 24 24', 'aria-hidden': true, focusable: false } as const;
const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export const LiveIcon = ({ className }: IconProps) => (
  <svg {...svg} className={className}>
    <circle cx="12" cy="12" r="5" fill="currentColor" />
    <circle cx="12" cy="12" r="9.5" {...stroke} strokeWidth={1.5} />
  </svg>
);
export const ReconnectIcon = ({ className }: IconProps) => (
  <svg {...svg} className={className}>
    <path {...stroke} d="M20 11a8 8 0 0 0-14.3-4.9M4 13a8 8 0 0 0 14.3 4.9" />
    <path {...stroke} d="M5 3v4h4M19 21v-4h-4" />
  </svg>
);
export const WarningIcon = ({ className }: IconProps) => (
  <svg {...svg} className={className}>
    <path {...stroke} d="M12 3 2 21h20L12 3z" />
    <path {...stroke} d="M12 10v5M12 18v.01" />
  </svg>
);
export const OfflineIcon = ({ className }: IconProps) => (
  <svg {...svg} className={className}>
    <path {...stroke} d="M3 3l18 18M8.5 16.5a5 5 0 0 1 7 0M5 12.9a10 10 0 0 1 5.2-2.7M19 12.9a10 10 0 0 0-2.1-1.5M2 8.8a15 15 0 0 1 4.2-2.7M22 8.8A15 15 0 0 0 11 5M12 20v.01" />
  </svg>
);
export const MapIcon = ({ className }: IconProps) => (
  <svg {...svg} className={className}>
    <path {...stroke} d="M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2zM9 4v14M15 6v14" />
  </svg>
);
export const BacklogIcon = ({ className }: IconProps) => (
  <svg {...svg} className={className}>
    <circle {...stroke} cx="12" cy="13" r="8" />
    <path {...stroke} d="M12 9v4l3 2M9 2h6" />
  </svg>
);
export const SmileIcon = ({ className }: IconProps) => (
  <svg {...svg} className={className}>
    <circle {...stroke} cx="12" cy="12" r="9" />
    <path {...stroke} d="M8 14s1.5 2 4 2 4-2 4-2M9 9.5v.01M15 9.5v.01" />
  </svg>
);
export const TrophyIcon = ({ className }: IconProps) => (
  <svg {...svg} className={className}>
    <path {...stroke} d="M8 21h8M12 17v4M7 4h10v5a5 5 0 0 1-10 0V4zM7 6H4a3 3 0 0 0 3 4M17 6h3a3 3 0 0 1-3 4" />
  </svg>
);
export const ChartIcon = ({ className }: IconProps) => (
  <svg {...svg} className={className}>
    <path {...stroke} d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
  </svg>
);
export const UnitIcon = ({ className }: IconProps) => (
  <svg {...svg} className={className}>
    <path {...stroke} d="M3 21h18M5 21V9l7-5 7 5v12M9 21v-6h6v6M9 11h.01M15 11h.01" />
  </svg>
);
export const WallIcon = ({ className }: IconProps) => (
  <svg {...svg} className={className}>
    <rect {...stroke} x="2" y="4" width="20" height="13" rx="1.5" />
    <path {...stroke} d="M8 21h8M12 17v4" />
  </svg>
);
