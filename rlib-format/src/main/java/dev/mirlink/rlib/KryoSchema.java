package dev.mirlink.rlib;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.RecordSerializer;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import org.objenesis.strategy.StdInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deterministic Kryo registration for a model: every class reachable from the roots through
 * record components (with their generic arguments), sealed permits, arrays and fields is
 * registered, sorted by name, with ids from {@link #FIRST_ID}. No class name is ever written.
 * Kryo instances are not thread-safe, so they come from a pool.
 */
public final class KryoSchema {
    /** Kryo's predefined registrations use ids 0..9; the gap leaves room for more. */
    public static final int FIRST_ID = 32;
    /** Bump when a serializer here changes its encoding. */
    private static final String ENCODING = "mirlink-kryo-1";

    private final List<Class<?>> classes;
    private final String schemaHash;
    private final Pool<Kryo> pool;

    private KryoSchema(List<Class<?>> classes) {
        this.classes = List.copyOf(classes);
        this.schemaHash = hash(this.classes);
        this.pool = new Pool<>(true, false, 64) {
            @Override
            protected Kryo create() {
                return newKryo();
            }
        };
    }

    public static KryoSchema of(Class<?>... roots) {
        return of(Arrays.asList(roots));
    }

    public static KryoSchema of(Collection<? extends Class<?>> roots) {
        Walker w = new Walker();
        for (Class<?> root : roots) {
            w.type(root);
        }
        List<Class<?>> sorted = new ArrayList<>(w.found);
        sorted.sort(Comparator.comparing(Class::getName));
        return new KryoSchema(sorted);
    }

    /** Registered classes in id order (id = FIRST_ID + position). */
    public List<Class<?>> registeredClasses() {
        return classes;
    }

    /** SHA-256 (hex) over the registered classes and the shape of each; differs whenever the wire format could. */
    public String schemaHash() {
        return schemaHash;
    }

    /** Encodes one item; throws KryoException or IllegalArgumentException for unregistered or unorderable data. */
    public byte[] serialize(Object item) {
        Kryo kryo = pool.obtain();
        boolean clean = false;
        try {
            Output out = new Output(256, -1);
            kryo.writeClassAndObject(out, item);
            clean = true;
            return out.toBytes();
        } finally {
            // a Kryo that threw may hold half-pushed state: drop it instead of pooling it
            if (clean) {
                pool.free(kryo);
            }
        }
    }

    /** Decodes one item written by {@link #serialize}; rejects trailing bytes. */
    public Object deserialize(byte[] bytes) {
        Kryo kryo = pool.obtain();
        boolean clean = false;
        try {
            Input in = new Input(bytes);
            Object item = kryo.readClassAndObject(in);
            if (in.position() != bytes.length) {
                throw new KryoException((bytes.length - in.position()) + " trailing bytes after record");
            }
            clean = true;
            return item;
        } finally {
            if (clean) {
                pool.free(kryo);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Kryo newKryo() {
        Kryo kryo = new CanonicalKryo();
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        // Immutable value classes (a byte array with value equality, say) need no no-arg constructor.
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        for (int i = 0; i < classes.size(); i++) {
            Class c = classes.get(i);
            int id = FIRST_ID + i;
            if (c == List.class) {
                kryo.register(c, new CollectionSerializers.ListSerializer(), id);
            } else if (c == Set.class) {
                kryo.register(c, new CollectionSerializers.SetSerializer(), id);
            } else if (c == Map.class) {
                kryo.register(c, new CollectionSerializers.MapSerializer(), id);
            } else if (c.isRecord()) {
                kryo.register(c, new RecordSerializer<>(c), id);
            } else {
                kryo.register(c, id);
            }
        }
        return kryo;
    }

    /** Maps any List/Set/Map implementation to the List/Set/Map registration. */
    private static final class CanonicalKryo extends Kryo {
        @Override
        @SuppressWarnings("rawtypes")
        public Registration getRegistration(Class type) {
            Registration r = getClassResolver().getRegistration(type);
            if (r != null) {
                return r;
            }
            if (List.class.isAssignableFrom(type)) {
                return super.getRegistration(List.class);
            } else if (Set.class.isAssignableFrom(type)) {
                return super.getRegistration(Set.class);
            } else if (Map.class.isAssignableFrom(type)) {
                return super.getRegistration(Map.class);
            }
            return super.getRegistration(type);
        }
    }

    private static String hash(List<Class<?>> classes) {
        StringBuilder sb = new StringBuilder(ENCODING).append(" first-id ").append(FIRST_ID).append('\n');
        for (int i = 0; i < classes.size(); i++) {
            Class<?> c = classes.get(i);
            sb.append(FIRST_ID + i).append(' ').append(c.getName());
            if (c.isRecord()) {
                sb.append(" record ").append(Arrays.stream(c.getRecordComponents())
                        .map(rc -> rc.getName() + ": " + rc.getGenericType().getTypeName())
                        .collect(Collectors.joining(", ", "(", ")")));
            } else if (c.isEnum()) {
                sb.append(" enum ").append(Arrays.stream(c.getEnumConstants())
                        .map(e -> ((Enum<?>) e).name()).collect(Collectors.joining(", ", "[", "]")));
            } else if (!c.getName().startsWith("java.") && !c.isArray()) {
                sb.append(" fields ").append(Walker.fields(c).stream()
                        .map(f -> f.getName() + ": " + f.getGenericType().getTypeName()).sorted()
                        .collect(Collectors.joining(", ", "{", "}")));
            }
            sb.append('\n');
        }
        return HexFormat.of().formatHex(ItemIndex.sha256().digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Collects the classes to register. */
    private static final class Walker {
        // Kryo's class lookup memoizes in plain fields, so each walk gets its own instance
        private final Kryo defaults = new Kryo();
        final Set<Class<?>> found = new HashSet<>();
        private final Set<Class<?>> seen = new HashSet<>();
        private final Set<TypeVariable<?>> seenVars = new HashSet<>();

        void type(Type t) {
            switch (t) {
                case Class<?> c -> cls(c);
                case ParameterizedType p -> {
                    type(p.getRawType());
                    for (Type a : p.getActualTypeArguments()) {
                        type(a);
                    }
                }
                case GenericArrayType g -> {
                    type(g.getGenericComponentType());
                    cls(Array.newInstance(raw(g.getGenericComponentType()), 0).getClass());
                }
                case WildcardType w -> {
                    Arrays.stream(w.getUpperBounds()).forEach(this::type);
                    Arrays.stream(w.getLowerBounds()).forEach(this::type);
                }
                case TypeVariable<?> v -> {
                    if (seenVars.add(v)) {
                        Arrays.stream(v.getBounds()).forEach(this::type);
                    }
                }
                default -> throw new IllegalArgumentException("unsupported type " + t);
            }
        }

        private void cls(Class<?> c) {
            if (!seen.add(c) || c.isPrimitive() || c == Object.class
                    || defaults.getClassResolver().getRegistration(c) != null) {
                return;
            }
            if (c.isArray()) {
                found.add(c);
                cls(c.getComponentType());
            } else if (Map.class.isAssignableFrom(c)) {
                collection(c, Map.class);
            } else if (Set.class.isAssignableFrom(c)) {
                collection(c, Set.class);
            } else if (Collection.class.isAssignableFrom(c)) {
                collection(c, List.class);
            } else if (c == Optional.class || c.isEnum()) {
                found.add(c);
            } else if (c.isRecord()) {
                found.add(c);
                for (RecordComponent rc : c.getRecordComponents()) {
                    type(rc.getGenericType());
                }
            } else {
                boolean concrete = !c.isInterface() && !Modifier.isAbstract(c.getModifiers());
                if (concrete) {
                    found.add(c);
                    if (!c.getName().startsWith("java.")) {
                        fields(c).forEach(f -> type(f.getGenericType()));
                    }
                }
                // a non-sealed interface cannot be enumerated; its classes must be passed as roots
                if (c.isSealed()) {
                    Arrays.stream(c.getPermittedSubclasses()).forEach(this::cls);
                }
            }
        }

        private void collection(Class<?> c, Class<?> canonical) {
            if (!c.isInterface()) {
                throw new IllegalArgumentException("declare " + canonical.getSimpleName() + " instead of "
                        + c.getName() + ": collections decode to unmodifiable " + canonical.getSimpleName() + "s");
            }
            found.add(canonical);
        }

        /** The fields Kryo's FieldSerializer writes. */
        static List<Field> fields(Class<?> c) {
            List<Field> out = new ArrayList<>();
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                        out.add(f);
                    }
                }
            }
            return out;
        }

        private static Class<?> raw(Type t) {
            return switch (t) {
                case Class<?> c -> c;
                case ParameterizedType p -> raw(p.getRawType());
                case GenericArrayType g -> Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
                default -> Object.class;
            };
        }
    }
}
