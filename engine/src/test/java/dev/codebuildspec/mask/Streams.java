package dev.codebuildspec.mask;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Random;

/** Ways of pushing bytes through a masking stream in tests. */
final class Streams {

    private Streams() {
    }

    static byte[] maskWhole(SecretMasker masker, byte[] input) {
        return run(masker, out -> out.write(input));
    }

    static byte[] maskSplitAt(SecretMasker masker, byte[] input, int split) {
        return run(masker, out -> {
            out.write(input, 0, split);
            out.write(input, split, input.length - split);
        });
    }

    static byte[] maskBytewise(SecretMasker masker, byte[] input) {
        return run(masker, out -> {
            for (byte b : input) {
                out.write(b);
            }
        });
    }

    /** Random chunk sizes (biased towards small ones) and the occasional flush, which must change nothing. */
    static byte[] maskRandomChunks(SecretMasker masker, byte[] input, Random random) {
        return run(masker, out -> {
            int pos = 0;
            while (pos < input.length) {
                int max = random.nextInt(4) == 0 ? input.length - pos : Math.min(8, input.length - pos);
                int n = 1 + random.nextInt(max);
                out.write(input, pos, n);
                pos += n;
                if (random.nextInt(5) == 0) {
                    out.flush();
                }
            }
        });
    }

    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    static byte[] run(SecretMasker masker, Writer writer) {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try (OutputStream out = masker.wrap(result)) {
            writer.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result.toByteArray();
    }
}
