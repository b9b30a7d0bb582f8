package dev.mirlink.tests.layout;

import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Region;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Types as {@code -Zprint-type-sizes} names them (full paths, local items without their crate):
 * paths with generic args, references, raw pointers, arrays, slices, tuples, primitives. Anything
 * else (closures, fn pointers, dyn, consts) throws {@link Unsupported} with the construct named.
 */
final class TypeNameParser {
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) { super(what); }
    }

    private final String s;
    private final String localCrate;
    private final Set<String> crates;
    private int pos;

    private TypeNameParser(String s, String localCrate, Set<String> crates) {
        this.s = s;
        this.localCrate = localCrate;
        this.crates = crates;
    }

    static Ty parse(String text, String localCrate, Set<String> crates) {
        TypeNameParser p = new TypeNameParser(text, localCrate, crates);
        Ty ty = p.ty();
        if (p.pos != text.length()) throw new Unsupported("trailing text in " + text);
        return ty;
    }

    private boolean eat(String t) {
        if (s.startsWith(t, pos)) {
            pos += t.length();
            return true;
        }
        return false;
    }

    private void expect(String t) {
        if (!eat(t)) throw new Unsupported("expected '" + t + "' at " + pos + " in " + s);
    }

    private Ty ty() {
        if (eat("&")) {
            lifetime();
            boolean mut = eat("mut ");
            return new Ty.Ref(null, ty(), mut ? Ty.Mutability.MUT : Ty.Mutability.NOT);
        }
        if (eat("*const ")) return new Ty.RawPtr(ty(), Ty.Mutability.NOT);
        if (eat("*mut ")) return new Ty.RawPtr(ty(), Ty.Mutability.MUT);
        if (eat("!")) return new Ty.Never();
        if (eat("[")) {
            Ty elem = ty();
            if (eat("]")) return new Ty.Slice(elem);
            expect("; ");
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            if (start == pos) throw new Unsupported("array length in " + s);
            BigInteger n = new BigInteger(s.substring(start, pos));
            eat("_usize");
            expect("]");
            return new Ty.Array(elem, new TyConst.Value(n, null));
        }
        if (eat("(")) {
            List<Ty> elems = new ArrayList<>();
            while (!eat(")")) {
                elems.add(ty());
                if (!eat(", ")) eat(",");
            }
            return new Ty.Tuple(elems);
        }
        if (s.startsWith("{", pos)) throw new Unsupported("closure or coroutine");
        // Layout needs neither the traits of a dyn nor the signature of a fn pointer: skip them.
        if (eat("dyn ")) {
            skipBalanced();
            return new Ty.Dynamic(List.of(), null);
        }
        if (s.startsWith("fn(", pos) || s.startsWith("unsafe ", pos) || s.startsWith("extern ", pos)
                || s.startsWith("for<", pos)) {
            skipBalanced();
            return new Ty.FnPtr(new FnSig(List.of(), false, null, List.of(), false, new Ty.Tuple(List.of())));
        }
        if (s.startsWith("<", pos)) throw new Unsupported("projection");
        return path();
    }

    /** Skips to the next ',' or closing bracket at depth 0; "->" does not close. */
    private void skipBalanced() {
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '-' && s.startsWith("->", pos)) {
                pos += 2;
                continue;
            }
            if (c == '(' || c == '[' || c == '<') depth++;
            else if (c == ')' || c == ']' || c == '>') {
                if (depth == 0) return;
                depth--;
            } else if (c == ',' && depth == 0) return;
            pos++;
        }
    }

    private void lifetime() {
        if (eat("'")) {
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
            eat(" ");
        }
    }

    private Ty path() {
        List<String> names = new ArrayList<>();
        List<GenericArg> args = List.of();
        while (true) {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
            if (start == pos) throw new Unsupported("unexpected '" + s.substring(pos) + "' in " + s);
            names.add(s.substring(start, pos));
            if (eat("<")) {
                args = new ArrayList<>();
                while (!eat(">")) {
                    if (s.startsWith("'", pos)) {
                        lifetime();
                        args.add(new GenericArg.Lifetime(new Region("'_")));
                    } else if (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '-') {
                        int numStart = pos++;
                        while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
                        BigInteger v = new BigInteger(s.substring(numStart, pos));
                        while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) pos++; // _usize
                        args.add(new GenericArg.Const(new TyConst.Value(v, null)));
                    } else if (s.startsWith("true", pos) || s.startsWith("false", pos)) {
                        boolean b = eat("true");
                        if (!b) expect("false");
                        args.add(new GenericArg.Const(new TyConst.Value(b ? BigInteger.ONE : BigInteger.ZERO, new Ty.Bool())));
                    } else {
                        args.add(new GenericArg.Type(ty()));
                    }
                    if (!eat(", ")) eat(",");
                }
            }
            if (!eat("::")) break;
            if (!args.isEmpty()) throw new Unsupported("generic args before the last segment");
        }
        if (names.size() == 1) {
            Ty prim = primitive(names.get(0));
            if (prim != null) return prim;
        }
        if (!crates.contains(names.get(0))) names.add(0, localCrate);
        List<PathSegment> segs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            segs.add(new PathSegment.Ident(names.get(i), i == names.size() - 1 ? args : List.of()));
        }
        return new Ty.Adt(new Path(segs));
    }

    private static Ty primitive(String name) {
        switch (name) {
            case "bool": return new Ty.Bool();
            case "char": return new Ty.Char();
            case "str": return new Ty.Str();
            default:
        }
        Ty.IntTy i = Ty.IntTy.byName(name);
        if (i != null) return new Ty.Int(i);
        Ty.FloatTy f = Ty.FloatTy.byName(name);
        return f != null ? new Ty.Float(f) : null;
    }
}
