package co.wpfoods.ai.it;

import java.io.ByteArrayOutputStream;

/** Minimal OGG files (pages with the right magic and granule positions) standing in for WhatsApp voice notes. */
final class OggFixture {

    private OggFixture() {}

    static byte[] voiceNote(double seconds) {
        return voiceNote(seconds, 2_000);
    }

    /** An OGG stream of about {@code size} bytes whose last page says {@code seconds} of 48 kHz audio. */
    static byte[] voiceNote(double seconds, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        page(out, 0, "OpusHead".getBytes());
        int payload = Math.max(0, size - 64);
        page(out, Math.round(seconds * 48_000), new byte[payload]);
        return out.toByteArray();
    }

    private static void page(ByteArrayOutputStream out, long granule, byte[] data) {
        out.writeBytes("OggS".getBytes());
        out.write(0); // version
        out.write(0); // header type
        for (int i = 0; i < 8; i++) {
            out.write((int) (granule >>> (8 * i)) & 0xFF);
        }
        out.writeBytes(new byte[12]); // serial, sequence, checksum
        out.write(1); // one segment table entry
        out.write(Math.min(255, data.length));
        out.writeBytes(data);
    }
}
