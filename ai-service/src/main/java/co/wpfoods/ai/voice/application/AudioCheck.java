package co.wpfoods.ai.voice.application;

import java.util.Optional;

/**
 * What we can tell about an audio file without decoding it: its container (by magic bytes) and, for OGG (WhatsApp
 * voice notes are OGG/Opus), its duration from the last page's granule position (48 kHz).
 */
public final class AudioCheck {

    public enum Container {
        OGG,
        MP3,
        WAV,
        M4A,
        WEBM,
        FLAC,
        AMR
    }

    private AudioCheck() {}

    public static Optional<Container> container(byte[] b) {
        if (b == null || b.length < 12) {
            return Optional.empty();
        }
        if (starts(b, "OggS")) {
            return Optional.of(Container.OGG);
        }
        if (starts(b, "ID3") || ((b[0] & 0xFF) == 0xFF && ((b[1] & 0xE0) == 0xE0))) {
            return Optional.of(Container.MP3);
        }
        if (starts(b, "RIFF") && new String(b, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("WAVE")) {
            return Optional.of(Container.WAV);
        }
        if (new String(b, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("ftyp")) {
            return Optional.of(Container.M4A);
        }
        if ((b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF && (b[3] & 0xFF) == 0xA3) {
            return Optional.of(Container.WEBM);
        }
        if (starts(b, "fLaC")) {
            return Optional.of(Container.FLAC);
        }
        if (starts(b, "#!AMR")) {
            return Optional.of(Container.AMR);
        }
        return Optional.empty();
    }

    /** Seconds of an OGG/Opus file, or empty when it cannot be told. */
    public static Optional<Double> oggSeconds(byte[] b) {
        for (int i = b.length - 27; i >= 0; i--) {
            if (b[i] == 'O' && b[i + 1] == 'g' && b[i + 2] == 'g' && b[i + 3] == 'S') {
                long granule = 0;
                for (int k = 7; k >= 0; k--) {
                    granule = (granule << 8) | (b[i + 6 + k] & 0xFF);
                }
                return granule > 0 ? Optional.of(granule / 48_000.0) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, String magic) {
        for (int i = 0; i < magic.length(); i++) {
            if (b[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
