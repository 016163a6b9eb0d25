package org.modernxmpp.portability.peers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small real PNG (8x8 RGB checkerboard, colours from a seed) for avatars and vCard photos. Stored deflate blocks,
 * so the bytes, and with them the SHA-1 avatar id, are the same on every JVM.
 */
final class Png {
    static final int SIZE = 8;

    private Png() {
    }

    static byte[] make(String seed) {
        byte[] colours = sha1(("peers-live-avatar:" + seed).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < SIZE; y++) {
            raw.write(0);
            for (int x = 0; x < SIZE; x++) {
                int offset = (x + y) % 2 == 0 ? 0 : 3;
                raw.write(colours, offset, 3);
            }
        }
        Deflater deflater = new Deflater(Deflater.NO_COMPRESSION);
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            zlib.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        writeInt(header, SIZE);
        writeInt(header, SIZE);
        header.writeBytes(new byte[] {8, 2, 0, 0, 0});
        chunk(png, "IHDR", header.toByteArray());
        chunk(png, "IDAT", zlib.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    static String sha1Hex(byte[] data) {
        return HexFormat.of().formatHex(sha1(data));
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        writeInt(out, data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }
}
