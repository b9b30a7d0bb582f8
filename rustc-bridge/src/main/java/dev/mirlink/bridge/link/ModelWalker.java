package dev.mirlink.bridge.link;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * Visits every record reachable from a MIR model value, parents before children. Checking
 * paths only needs to see the few record kinds that hold one, wherever they sit; walking the
 * records generically keeps that check independent of how statements and terminators are
 * shaped.
 */
final class ModelWalker {
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] out = new Method[components.length];
            int n = 0;
            for (RecordComponent c : components) {
                Class<?> t = c.getType();
                if (t.isPrimitive() || t == String.class || t.isEnum() || Number.class.isAssignableFrom(t)
                        || t.isArray()) {
                    continue;
                }
                Method m = c.getAccessor();
                m.setAccessible(true);
                out[n++] = m;
            }
            return java.util.Arrays.copyOf(out, n);
        }
    };

    private ModelWalker() {}

    /** {@code visitor} answers whether to go on into the node's children. */
    static void walk(Object node, Predicate<Object> visitor) {
        if (node == null) return;
        if (node instanceof Collection<?> c) {
            for (Object o : c) walk(o, visitor);
            return;
        }
        if (!(node instanceof Record)) return;
        if (!visitor.test(node)) return;
        for (Method m : ACCESSORS.get(node.getClass())) {
            try {
                walk(m.invoke(node), visitor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + m, e);
            }
        }
    }
}
