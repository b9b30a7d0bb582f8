package dev.mirlink.tests.layout;

import dev.mirlink.mir.item.DefPaths;
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
import java.util.function.Function;

/**
 * Types as {@code -Zprint-type-sizes} names them (full paths, local items without their crate):
 * paths with generic args, references, raw pointers, arrays, slices, tuples, primitives,
 * projections, fn items ({@code fn(A) -> R {path}}, zero-sized), and closures by def path
 * ({@code {closure@parent<args>::{closure#N}}} under {@code -Zspan-free-formats}), and types declared
 * in the body of an impl's fn, which rustc names through the impl's header ({@code <Self as Trait>::f::Local<args>},
 * {@code Self<params>::f::Local<args>}) rather than its def path: they are looked up by that name, without
 * the type's args, in {@code declaredInBody}. Anything else (coroutines) throws {@link Unsupported}
 * with the construct named.
 */
final class TypeNameParser {
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) { super(what); }
    }

    private final String s;
    private final String localCrate;
    private final Set<String> crates;
    /** A type declared in a fn body: its path as rustc prints it without the type's args → its def path, or null. */
    private final Function<String, String> declaredInBody;
    private int pos;
    /** Where the last segment of the path {@link #segments} last returned starts. */
    private int lastSegmentStart;

    private TypeNameParser(String s, String localCrate, Set<String> crates, Function<String, String> declaredInBody) {
        this.s = s;
        this.localCrate = localCrate;
        this.crates = crates;
        this.declaredInBody = declaredInBody;
    }

    static Ty parse(String text, String localCrate, Set<String> crates, Function<String, String> declaredInBody) {
        TypeNameParser p = new TypeNameParser(text, localCrate, crates, declaredInBody);
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
        if (eat("{closure@")) {
            Path path = segments(true);
            expect("}");
            return new Ty.Closure(path);
        }
        if (s.startsWith("{", pos)) throw new Unsupported("coroutine");
        // Layout needs neither the traits of a dyn nor the signature of a fn pointer: skip them.
        if (eat("dyn ")) {
            skipBalanced();
            return new Ty.Dynamic(List.of(), null);
        }
        if (s.startsWith("fn(", pos) || s.startsWith("unsafe ", pos) || s.startsWith("extern ", pos)
                || s.startsWith("for<", pos)) {
            int start = pos;
            skipBalanced();
            FnSig sig = new FnSig(List.of(), false, null, List.of(), false, new Ty.Tuple(List.of()));
            // A fn item prints as its signature followed by {path}: a zero-sized FnDef.
            String text = s.substring(start, pos);
            if (text.endsWith("}")) return new Ty.FnDef(sig, new Path(List.of(new PathSegment.Ident(text))), false);
            return new Ty.FnPtr(sig);
        }
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
            if (c == '(' || c == '[' || c == '<' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '>' || c == '}') {
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
        int start = pos;
        Path path = segments(false);
        List<PathSegment> segs = path.segments();
        if (segs.size() == 2 && segs.get(0) instanceof PathSegment.QualifiedSelf q && segs.get(1) instanceof PathSegment.Ident assoc) {
            if (q.trait() == null) throw new Unsupported("inherent projection");
            return new Ty.Projection(q.self(), q.trait(), assoc.name(), assoc.args());
        }
        for (int i = 0; i < segs.size() - 1; i++) {
            if (!(segs.get(i) instanceof PathSegment.Ident id) || !id.args().isEmpty()) {
                return declaredInBody(s.substring(start, lastSegmentStart), path.last());
            }
        }
        if (segs.size() == 1 && segs.get(0) instanceof PathSegment.Ident id && id.args().isEmpty()) {
            Ty prim = primitive(id.name());
            if (prim != null) return prim;
        }
        return new Ty.Adt(path);
    }

    /**
     * A def path as rustc prints it under {@code -Zspan-free-formats}: {@code a::B<args>::f<args>},
     * {@code <T as Trait>::f}, {@code {closure#N}} segments; local paths get the crate name.
     */
    private Path segments(boolean disambiguated) {
        List<PathSegment> segs = new ArrayList<>();
        int segmentStart;
        while (true) {
            segmentStart = pos;
            if (eat("<impl ")) {
                Ty self = ty();
                Path trait = null;
                if (eat(" for ")) {
                    if (!(self instanceof Ty.Adt a)) throw new Unsupported("impl trait path");
                    trait = a.path();
                    self = ty();
                }
                expect(">");
                segs.add(new PathSegment.ImplFor(trait, self));
            } else if (segs.isEmpty() && eat("<")) {
                Ty self = ty();
                Path trait = null;
                if (eat(" as ")) trait = segments(false);
                expect(">");
                segs.add(new PathSegment.QualifiedSelf(self, trait));
            } else if (disambiguated && eat("{")) {
                int start = pos;
                while (pos < s.length() && Character.isLetter(s.charAt(pos))) pos++;
                String kind = s.substring(start, pos);
                expect("#");
                start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
                if (start == pos) throw new Unsupported("disambiguator in " + s);
                segs.add(new PathSegment.Disambiguated(kind, Integer.parseInt(s.substring(start, pos))));
                expect("}");
            } else {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
                if (start == pos) throw new Unsupported("unexpected '" + s.substring(pos, Math.min(s.length(), pos + 12)) + "' in " + s);
                segs.add(new PathSegment.Ident(s.substring(start, pos), genericArgs()));
            }
            if (!eat("::")) break;
        }
        lastSegmentStart = segmentStart;
        if (segs.get(0) instanceof PathSegment.Ident first && !crates.contains(first.name())
                && !(segs.size() == 1 && first.args().isEmpty() && primitive(first.name()) != null)) {
            segs.add(0, new PathSegment.Ident(localCrate));
        }
        return new Path(segs);
    }

    /** The type named {@code last} declared in the body of the fn rustc printed as {@code parent} (ending in "::"). */
    private Ty declaredInBody(String parent, PathSegment last) {
        if (!(last instanceof PathSegment.Ident type)) throw new Unsupported("fn-local type");
        String defPath = declaredInBody.apply(parent + type.name());
        if (defPath == null) throw new Unsupported("fn-local type unknown to mirlink");
        List<PathSegment> segs = new ArrayList<>();
        for (String name : DefPaths.split(DefPaths.parent(defPath))) segs.add(new PathSegment.Ident(name));
        segs.add(new PathSegment.Ident(type.name(), type.args()));
        return new Ty.Adt(new Path(segs));
    }

    private List<GenericArg> genericArgs() {
        if (!eat("<")) return List.of();
        List<GenericArg> args = new ArrayList<>();
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
        return args;
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
