package dev.mirlink.tests.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Maps a function over items on a fixed number of threads; results in item order. */
final class Parallel {
    private Parallel() {}

    static <T, R> List<R> map(List<T> items, int jobs, Function<T, R> f) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) futures.add(pool.submit(() -> f.apply(item)));
            List<R> out = new ArrayList<>();
            for (Future<R> fu : futures) out.add(fu.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
