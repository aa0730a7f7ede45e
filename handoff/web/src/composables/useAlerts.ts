import { ref } from 'vue';

/**
 * How the app tells an officer of something new: two short tones made on the spot with the Web Audio API (the
 * CSP allows no media source), a desktop notification once the officer has allowed them (asked from a button,
 * never on load), and a line read out by screen readers.
 */
const SOUND_KEY = 'damrongdham.officer.sound';

function readSetting(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeSetting(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage switched off: the choice holds until the page is closed.
  }
}

const sound = ref(readSetting(SOUND_KEY) !== 'off');
const announcement = ref('');
const permission = ref<NotificationPermission | 'unsupported'>(typeof window.Notification === 'function' ? window.Notification.permission : 'unsupported');
let audio: AudioContext | null = null;

/** Browsers let a page make sound only after the person has used it: the first click or key unlocks it. */
export function unlockAudio(): void {
  const Context = window.AudioContext;
  if (!Context) return;
  try {
    audio ??= new Context();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  } catch {
    audio = null;
  }
}

function chime(): void {
  if (!sound.value) return;
  unlockAudio();
  if (!audio) return;
  try {
    const start = audio.currentTime + 0.02;
    [880, 1318.5].forEach((frequency, index) => {
      if (!audio) return;
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      const at = start + index * 0.16;
      oscillator.type = 'sine';
      oscillator.frequency.setValueAtTime(frequency, at);
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.14);
      oscillator.connect(gain);
      gain.connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.15);
    });
  } catch {
    // No sound; the queue, the announcement and the notification still tell.
  }
}

function notify(title: string, body: string, tag: string, lang: string, onClick: () => void): void {
  if (typeof window.Notification !== 'function' || window.Notification.permission !== 'granted') return;
  try {
    const notification = new window.Notification(title, { body, tag, lang });
    notification.onclick = () => {
      window.focus();
      onClick();
      notification.close();
    };
  } catch {
    // Notifications failed: the sound and the queue still tell.
  }
}

/** A fresh text a moment later is announced again even if it is the same as the last one. */
function announce(text: string): void {
  announcement.value = '';
  window.setTimeout(() => (announcement.value = text), 50);
}

async function askPermission(): Promise<void> {
  if (typeof window.Notification !== 'function') return;
  try {
    await window.Notification.requestPermission();
  } catch {
    // Refused or unavailable: the sound and the queue remain.
  }
  permission.value = window.Notification.permission;
}

function toggleSound(): void {
  sound.value = !sound.value;
  writeSetting(SOUND_KEY, sound.value ? 'on' : 'off');
  if (sound.value) chime();
}

export function useAlerts() {
  return { sound, announcement, permission, chime, notify, announce, askPermission, toggleSound };
}
