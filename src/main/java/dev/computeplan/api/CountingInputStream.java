package dev.computeplan.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/** A request body that tells a listener how many bytes have been read so far, after every read. */
final class CountingInputStream extends ServletInputStream {

    /** Called with the running total; may refuse the body by throwing. */
    interface Listener {
        void counted(long total) throws IOException;
    }

    private final ServletInputStream in;
    private final Listener listener;
    private long count;

    CountingInputStream(ServletInputStream in, Listener listener) {
        this.in = in;
        this.listener = listener;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count += 1;
            listener.counted(count);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
            listener.counted(count);
        }
        return n;
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
