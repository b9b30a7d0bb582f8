package dev.mirlink.rlib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** A small MIR-like model: sealed interfaces of records, enums, collections, BigInteger, byte[]. */
final class TestModel {
    private TestModel() {
    }

    enum IntTy { I8, I32, U64, USIZE }

    enum Mutability {
        NOT,
        MUT {
            @Override
            public String toString() {
                return "mut";
            }
        }
    }

    sealed interface Ty permits Ty.Int, Ty.Adt, Ty.Ref, Ty.Array, Ty.Tuple {
        record Int(IntTy ty) implements Ty {
        }

        record Adt(String path, List<Ty> args) implements Ty {
        }

        record Ref(Mutability mutability, Ty pointee) implements Ty {
        }

        record Array(Ty elem, BigInteger len) implements Ty {
        }

        record Tuple(List<Ty> fields) implements Ty {
        }
    }

    record Local(int index) {
    }

    sealed interface Operand permits Operand.Copy, Operand.Constant {
        record Copy(Local local) implements Operand {
        }

        record Constant(Ty ty, Alloc alloc) implements Operand {
        }
    }

    /** byte[] compared by content so that round-trip equality is meaningful. */
    record Alloc(byte[] bytes, long align) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Alloc a && Arrays.equals(bytes, a.bytes) && align == a.align;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + Long.hashCode(align);
        }
    }

    sealed interface Statement permits Statement.Assign, Statement.StorageDead, Statement.Nop {
        record Assign(Local place, Operand value) implements Statement {
        }

        record StorageDead(Local local) implements Statement {
        }

        record Nop() implements Statement {
        }
    }

    record Body(List<Statement> statements, Map<Local, Ty> locals, Optional<String> note, Integer argCount,
                Boolean promoted) {
    }

    sealed interface Item permits Item.Fn, Item.Static, Item.Const {
        record Fn(String name, List<Ty> params, Ty ret, Body body, Map<String, List<Ty>> generics) implements Item {
        }

        record Static(String name, Ty ty, Alloc alloc, Mutability mutability) implements Item {
        }

        record Const(Ty ty, BigInteger value, Set<String> flags, long[] extra) implements Item {
            @Override
            public boolean equals(Object o) {
                return o instanceof Const c && ty.equals(c.ty) && value.equals(c.value) && flags.equals(c.flags)
                        && Arrays.equals(extra, c.extra);
            }

            @Override
            public int hashCode() {
                return ty.hashCode();
            }
        }
    }

    static KryoSchema schema() {
        return KryoSchema.of(Item.class);
    }

    /** n items with pseudo-random but seed-determined content, keyed by def path. */
    static Map<String, Item> items(int n, long seed) {
        Random r = new Random(seed);
        Map<String, Item> items = new LinkedHashMap<>();
        String[] modules = {"foo", "foo::alloc", "foo::fmt", "foo::fmt::rt", "foo::iter"};
        for (int i = 0; i < n; i++) {
            String path = modules[r.nextInt(modules.length)] + "::item_" + i;
            items.put(path, item(r, i));
        }
        return items;
    }

    static Item item(Random r, int i) {
        return switch (i % 3) {
            case 0 -> {
                List<Statement> stmts = new ArrayList<>();
                Map<Local, Ty> locals = new LinkedHashMap<>();
                int len = 1 + r.nextInt(i % 7 == 0 ? 400 : 20);
                for (int s = 0; s < len; s++) {
                    stmts.add(switch (r.nextInt(3)) {
                        case 0 -> new Statement.Assign(new Local(s), new Operand.Copy(new Local(r.nextInt(50))));
                        case 1 -> new Statement.Assign(new Local(s), new Operand.Constant(ty(r, 2), alloc(r)));
                        default -> r.nextBoolean() ? new Statement.StorageDead(new Local(s)) : new Statement.Nop();
                    });
                    locals.put(new Local(s), ty(r, 2));
                }
                Map<String, List<Ty>> generics = new TreeMap<>();
                generics.put("T" + i, List.of(ty(r, 1)));
                // a stream().toList() list and an ArrayList must encode like List.of
                List<Ty> params = r.nextBoolean() ? new ArrayList<>(List.of(ty(r, 3), ty(r, 1)))
                        : java.util.stream.Stream.of(ty(r, 3)).toList();
                Body body = new Body(stmts, locals, r.nextBoolean() ? Optional.of("note " + i) : Optional.empty(),
                        r.nextInt(5), r.nextBoolean());
                yield new Item.Fn("fn_" + i, params, ty(r, 3), body, generics);
            }
            case 1 -> new Item.Static("STATIC_" + i, ty(r, 3), alloc(r), r.nextBoolean() ? Mutability.MUT : Mutability.NOT);
            default -> new Item.Const(ty(r, 2), BigInteger.valueOf(r.nextLong()).shiftLeft(r.nextInt(100)),
                    Set.of("inline", "c" + i, "cold", "x" + r.nextInt(9)), new long[] {r.nextLong(), i});
        };
    }

    static Ty ty(Random r, int depth) {
        int k = depth == 0 ? 0 : r.nextInt(5);
        return switch (k) {
            case 0 -> new Ty.Int(IntTy.values()[r.nextInt(IntTy.values().length)]);
            case 1 -> new Ty.Adt("core::option::Option", List.of(ty(r, depth - 1)));
            case 2 -> new Ty.Ref(r.nextBoolean() ? Mutability.MUT : Mutability.NOT, ty(r, depth - 1));
            case 3 -> new Ty.Array(ty(r, depth - 1), BigInteger.valueOf(r.nextInt(1000)));
            default -> new Ty.Tuple(List.of());
        };
    }

    static Alloc alloc(Random r) {
        byte[] b = new byte[r.nextInt(24)];
        r.nextBytes(b);
        return new Alloc(b, 1L << r.nextInt(4));
    }

    static final CrateInfo CRATE = new CrateInfo("foo", "rustc 1.96.0 (test)", "x86_64-unknown-linux-gnu");

    static byte[] rmeta() {
        byte[] b = new byte[1001]; // odd length exercises ar padding
        new Random(7).nextBytes(b);
        return b;
    }
}
