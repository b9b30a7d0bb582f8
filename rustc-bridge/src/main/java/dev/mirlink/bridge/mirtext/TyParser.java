package dev.mirlink.bridge.mirtext;

import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Instance;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Region;
import dev.mirlink.mir.ty.TraitBound;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Types, paths and generic args as rustc's {@code FmtPrinter} prints them
 * (rustc_middle/src/ty/print/pretty.rs). Paths come in two modes: in value position
 * ({@code Vec::<T>::new}) generic args take a turbofish, in type position ({@code Vec<T>}) not.
 */
final class TyParser {
    private static final Ty BOOL = new Ty.Bool();
    private static final Ty CHAR = new Ty.Char();
    private static final Ty STR = new Ty.Str();
    private static final Ty NEVER = new Ty.Never();
    private static final Ty UNIT = new Ty.Tuple(List.of());
    private static final Ty[] INTS = new Ty[Ty.IntTy.values().length];
    private static final Ty[] FLOATS = new Ty[Ty.FloatTy.values().length];
    static final Region ERASED = new Region("'_");

    static {
        for (Ty.IntTy t : Ty.IntTy.values()) INTS[t.ordinal()] = new Ty.Int(t);
        for (Ty.FloatTy t : Ty.FloatTy.values()) FLOATS[t.ordinal()] = new Ty.Float(t);
    }

    private final Cursor c;
    private final Set<String> rootItems;
    final int pointerBytes;

    TyParser(Cursor c, Set<String> rootItems, int pointerBytes) {
        this.c = c;
        this.rootItems = rootItems;
        this.pointerBytes = pointerBytes;
    }

    /** A single bare name is a parameter unless the caller said it names a crate-root item. */
    boolean isParamName(String name) { return !rootItems.contains(name); }

    // ---------------------------------------------------------------- types

    Ty ty() {
        char ch = c.peek();
        switch (ch) {
            case '(':
                if (c.at("(dyn ")) return dynamic(true);
                return tupleOrPat();
            case '[': {
                c.pos++;
                Ty elem = ty();
                if (c.eat(']')) return new Ty.Slice(elem);
                c.take("; ", "array type");
                TyConst len = tyConst();
                c.take(']', "array type");
                return new Ty.Array(elem, len);
            }
            case '*': {
                Ty.Mutability m;
                if (c.eat("*const ")) m = Ty.Mutability.NOT;
                else if (c.eat("*mut ")) m = Ty.Mutability.MUT;
                else throw c.error("pointer type", "expected '*const ' or '*mut '");
                return new Ty.RawPtr(ty(), m);
            }
            case '&': {
                c.pos++;
                Region r = null;
                if (c.at('\'')) {
                    r = region();
                    c.take(' ', "reference type");
                }
                Ty.Mutability m = c.eat("mut ") ? Ty.Mutability.MUT : Ty.Mutability.NOT;
                return new Ty.Ref(r, ty(), m);
            }
            case '!':
                c.pos++;
                return NEVER;
            case '<':
                return pathTy(path(false));
            case '{':
                return braced();
            case '#':
                c.take("#[target_features] ", "fn item type");
                return fnPtrOrDef(true);
            default:
                break;
        }
        if (!c.atIdentStart()) throw c.error("type", "expected a type");
        switch (ch) {
            case 'b' -> { if (eatPrimitive("bool")) return BOOL; }
            case 'c' -> { if (eatPrimitive("char")) return CHAR; }
            case 's' -> { if (eatPrimitive("str")) return STR; }
            case 'i', 'u' -> {
                Ty t = primitiveInt();
                if (t != null) return t;
            }
            case 'f' -> {
                if (c.at("fn(")) return fnPtrOrDef(false);
                if (c.at("for<")) return fnPtrOrDef(false);
                if (c.at("field_of!(")) return fieldOf();
                Ty t = primitiveFloat();
                if (t != null) return t;
            }
            case 'd' -> { if (c.at("dyn ")) return dynamic(false); }
            case 'e' -> { if (c.at("extern \"")) return fnPtrOrDef(false); }
            case 'S' -> {
                if (c.atWord("Self") && !c.at("Self::")) {
                    c.pos += 4;
                    return new Ty.Param("Self");
                }
            }
            default -> { }
        }
        if (ch == 'u' && c.at("unsafe")) {
            if (c.at("unsafe<")) return unsafeBinder();
            if (c.at("unsafe fn(") || c.at("unsafe extern \"")) return fnPtrOrDef(false);
        }
        if (ch == 'i' && c.at("impl ")) return new Ty.Param(implTraitText());
        if (ch == '_' && c.atWord("_")) {
            c.pos++;
            return new Ty.Other("_");
        }
        return pathTy(path(false));
    }

    private boolean eatPrimitive(String word) {
        if (c.atWord(word) && !c.s.startsWith("::", c.pos + word.length())) {
            c.pos += word.length();
            return true;
        }
        return false;
    }

    private Ty primitiveInt() {
        int start = c.pos;
        int end = start;
        while (end < c.len && Cursor.isIdentChar(c.s.charAt(end))) end++;
        if (end - start > 5 || end == start) return null;
        Ty.IntTy t = Ty.IntTy.byName(c.s.substring(start, end));
        if (t == null || c.s.startsWith("::", end)) return null;
        c.pos = end;
        return INTS[t.ordinal()];
    }

    private Ty primitiveFloat() {
        int start = c.pos;
        int end = start;
        while (end < c.len && Cursor.isIdentChar(c.s.charAt(end))) end++;
        if (end - start > 4) return null;
        Ty.FloatTy t = Ty.FloatTy.byName(c.s.substring(start, end));
        if (t == null || c.s.startsWith("::", end)) return null;
        c.pos = end;
        return FLOATS[t.ordinal()];
    }

    /** A type-position path: a projection, a parameter, or a nominal type. */
    private Ty pathTy(Path p) {
        List<PathSegment> segs = p.segments();
        if (segs.get(0) instanceof PathSegment.QualifiedSelf q) {
            if (segs.size() == 2 && segs.get(1) instanceof PathSegment.Ident id) {
                return new Ty.Projection(q.self(), q.trait(), id.name(), id.args());
            }
            return new Ty.Adt(p);
        }
        if (segs.size() == 1 && segs.get(0) instanceof PathSegment.Ident id && id.args().isEmpty()
                && isParamName(id.name())) {
            return new Ty.Param(id.name());
        }
        return new Ty.Adt(p);
    }

    private Ty tupleOrPat() {
        c.take('(', "tuple type");
        if (c.eat(')')) return UNIT;
        List<Ty> elems = new ArrayList<>(4);
        elems.add(ty());
        if (c.eat(')')) {
            if (c.eat(" is ")) return new Ty.Pat(elems.get(0), patternText());
            throw c.error("tuple type", "a one-element tuple needs a trailing comma");
        }
        if (c.eat(",)")) return new Ty.Tuple(elems);
        while (c.eat(", ")) elems.add(ty());
        c.take(')', "tuple type");
        return new Ty.Tuple(elems);
    }

    /** The pattern of a pattern type, validated and kept as printed. */
    String patternText() {
        int start = c.pos;
        pattern();
        return c.s.substring(start, c.pos);
    }

    private void pattern() {
        if (c.eat("!null")) return;
        if (c.eat('(')) {
            pattern();
            while (c.eat(" | ")) pattern();
            c.take(')', "pattern");
            return;
        }
        patternConst();
        if (c.eat("..=")) {
            patternConst();
        } else {
            c.take("..", "range pattern");
        }
    }

    private void patternConst() {
        if (c.at('\'')) {
            charLiteral();
            return;
        }
        if (intBoundAhead() != null) {
            intBound();
            return;
        }
        c.eat('-');
        bigDecimal("pattern bound");
    }

    private Ty braced() {
        if (c.eat("{closure@")) {
            Path p = path(false);
            c.take('}', "closure type");
            return new Ty.Closure(p);
        }
        if (c.eat("{type error}")) return new Ty.Error();
        int start = c.pos + 1;
        int i = start;
        while (i < c.len) {
            char ch = c.s.charAt(i);
            if (ch == '@' || ch == '}' || ch == '\n') break;
            if (c.s.startsWith(" of ", i)) break;
            i++;
        }
        if (i >= c.len || c.s.charAt(i) == '}' || c.s.charAt(i) == '\n') throw c.error("type", "unknown braced type");
        String kind = c.s.substring(start, i);
        if (!isCoroutineKind(kind)) throw c.error("type", "unknown braced type '" + kind + "'");
        c.pos = i;
        if (c.eat(" of ")) {
            Path p = path(false);
            c.take("()}", "coroutine type");
            return new Ty.Coroutine(kind, p, null);
        }
        c.take('@', "coroutine type");
        String span = spanBeforeBrace();
        if (span != null) {
            c.take('}', "coroutine type");
            return new Ty.Coroutine(kind, null, span);
        }
        Path p = path(false);
        c.take('}', "coroutine type");
        return new Ty.Coroutine(kind, p, null);
    }

    private static boolean isCoroutineKind(String k) {
        return switch (k) {
            case "coroutine", "static coroutine", "coroutine witness", "async block", "async fn body",
                 "async closure body", "async closure", "gen block", "gen fn body", "gen closure body",
                 "gen closure", "async gen block", "async gen fn body", "async gen closure body",
                 "async gen closure" -> true;
            default -> false;
        };
    }

    /** A source span {@code file:L:C: L:C} running up to the next '}' or ')', or null if there is none here. */
    String spanBeforeBrace() {
        int i = c.pos;
        int e = i;
        while (e < c.len && c.s.charAt(e) != '}' && c.s.charAt(e) != '\n') e++;
        if (e >= c.len || c.s.charAt(e) != '}') return null;
        String text = c.s.substring(i, e);
        if (!looksLikeSpan(text)) return null;
        c.pos = e;
        return text;
    }

    static boolean looksLikeSpan(String t) {
        // file:L:C: L:C
        int k = t.length() - 1;
        int digits = 0;
        while (k >= 0 && Cursor.isDigit(t.charAt(k))) { k--; digits++; }
        if (digits == 0 || k < 0 || t.charAt(k) != ':') return false;
        k--;
        digits = 0;
        while (k >= 0 && Cursor.isDigit(t.charAt(k))) { k--; digits++; }
        if (digits == 0 || k < 1 || t.charAt(k) != ' ' || t.charAt(k - 1) != ':') return false;
        return t.indexOf(':') < k - 1;
    }

    private Ty fieldOf() {
        c.take("field_of!(", "field_of type");
        Ty base = ty();
        c.take(", ", "field_of type");
        String first = c.ident("field_of field");
        String variant = null;
        String field = first;
        if (c.eat('.')) {
            variant = first;
            field = Cursor.isDigit(c.peek()) ? String.valueOf(c.uint("field index")) : c.ident("field name");
        }
        c.take(')', "field_of type");
        return new Ty.FieldOf(base, variant, field);
    }

    private Ty unsafeBinder() {
        c.take("unsafe<", "unsafe binder");
        List<Region> regions = new ArrayList<>();
        if (!c.at('>')) {
            regions.add(region());
            while (c.eat(", ")) regions.add(region());
        }
        c.take("> ", "unsafe binder");
        return new Ty.UnsafeBinder(regions, ty());
    }

    /** {@code for<'a> unsafe extern "C" fn(A) -> R}, followed by {@code {path}} for a fn item. */
    private Ty fnPtrOrDef(boolean targetFeatures) {
        FnSig sig = fnSig();
        if (c.at(" {") && c.peek(2) != '\n') {
            c.pos += 2;
            Path p = path(true);
            c.take('}', "fn item type");
            return new Ty.FnDef(sig, p, targetFeatures);
        }
        if (targetFeatures) throw c.error("fn item type", "expected ' {path}'");
        return new Ty.FnPtr(sig);
    }

    FnSig fnSig() {
        List<Region> bound = List.of();
        if (c.at("for<")) {
            bound = binder();
        }
        boolean unsafe = c.eat("unsafe ");
        String abi = null;
        if (c.eat("extern \"")) {
            int e = c.s.indexOf('"', c.pos);
            if (e < 0) throw c.error("fn ABI", "unterminated string");
            abi = c.s.substring(c.pos, e);
            c.pos = e + 1;
            c.take(' ', "fn type");
        }
        c.take("fn(", "fn type");
        List<Ty> inputs = new ArrayList<>(4);
        boolean variadic = false;
        if (!c.at(')')) {
            while (true) {
                if (c.eat("...")) {
                    variadic = true;
                    break;
                }
                inputs.add(ty());
                if (!c.eat(", ")) break;
            }
        }
        c.take(')', "fn type");
        Ty output = UNIT;
        if (c.eat(" -> ")) output = ty();
        return new FnSig(bound, unsafe, abi, inputs, variadic, output);
    }

    /** {@code for<'a, 'b> } including the trailing space. */
    List<Region> binder() {
        c.take("for<", "binder");
        List<Region> regions = new ArrayList<>(3);
        regions.add(region());
        while (c.eat(", ")) regions.add(region());
        c.take("> ", "binder");
        return regions;
    }

    Region region() {
        int start = c.pos;
        c.take('\'', "lifetime");
        while (c.pos < c.len && Cursor.isIdentChar(c.s.charAt(c.pos))) c.pos++;
        if (c.pos == start + 1) throw c.error("lifetime", "expected a lifetime name");
        String name = c.s.substring(start, c.pos);
        return name.equals("'_") ? ERASED : new Region(name);
    }

    private Ty dynamic(boolean parenthesized) {
        if (parenthesized) c.take('(', "dyn type");
        c.take("dyn ", "dyn type");
        List<TraitBound> bounds = new ArrayList<>(3);
        Region region = null;
        bounds.add(traitBound());
        while (c.at(" + ")) {
            if (c.peek(3) == '\'') {
                c.pos += 3;
                region = region();
                break;
            }
            c.pos += 3;
            bounds.add(traitBound());
        }
        if (parenthesized) {
            if (region == null) throw c.error("dyn type", "a parenthesized dyn type ends with its region");
            c.take(')', "dyn type");
        } else if (region != null) {
            throw c.error("dyn type", "a dyn type with a region must be parenthesized");
        }
        return new Ty.Dynamic(bounds, region);
    }

    /** The bounds of a dyn type printed without {@code dyn}, as in {@code (vtable: impl Trait + Send for T)}. */
    Ty existential() {
        List<TraitBound> bounds = new ArrayList<>(3);
        bounds.add(traitBound());
        while (c.eat(" + ")) bounds.add(traitBound());
        return new Ty.Dynamic(bounds, null);
    }

    TraitBound traitBound() {
        List<Region> bound = c.at("for<") ? binder() : List.of();
        String constness = null;
        if (c.eat("[const] ")) constness = "[const]";
        else if (c.eat("const ")) constness = "const";
        List<TraitBound.AssocConstraint> constraints = new ArrayList<>(1);
        Path trait = path(false, constraints);
        if (c.at('(') && trait.last() instanceof PathSegment.Ident id && id.args().isEmpty()) {
            c.pos++;
            List<Ty> inputs = new ArrayList<>(3);
            if (!c.at(')')) {
                inputs.add(ty());
                while (c.eat(", ")) inputs.add(ty());
            }
            c.take(')', "Fn bound");
            Ty output = c.eat(" -> ") ? ty() : UNIT;
            List<PathSegment> segs = new ArrayList<>(trait.segments());
            segs.set(segs.size() - 1, new PathSegment.Ident(id.name(), List.of(new GenericArg.Type(new Ty.Tuple(inputs)))));
            return new TraitBound(bound, constness, new Path(segs),
                    List.of(new TraitBound.AssocConstraint("Output", List.of(), output)), true);
        }
        return new TraitBound(bound, constness, trait, constraints, false);
    }

    /**
     * An argument-position {@code impl Trait} parameter, whose name is the bounds text: scanned
     * with bracket nesting up to the first delimiter at depth 0.
     */
    String implTraitText() {
        int start = c.pos;
        int i = start;
        int depth = 0;
        while (i < c.len) {
            char ch = c.s.charAt(i);
            if (ch == '\n') break;
            if (ch == '(' || ch == '[' || ch == '{' || ch == '<') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                if (depth == 0) break;
                depth--;
            } else if (ch == '>') {
                if (i > start && c.s.charAt(i - 1) == '-') {
                    // '->'
                } else {
                    if (depth == 0) break;
                    depth--;
                }
            } else if (depth == 0) {
                if (ch == ',' || ch == ';') break;
                if (ch == ' ' && (c.s.startsWith(" as ", i) || (c.s.startsWith(" (", i) && !c.s.startsWith("->", i - 2))
                        || c.s.startsWith(" for ", i)
                        || c.s.startsWith(" =", i) || c.s.startsWith(" {", i))) break;
            } else if (ch == '"') {
                int e = c.s.indexOf('"', i + 1);
                if (e < 0) break;
                i = e;
            }
            i++;
        }
        if (i == start + 5) throw c.error("impl Trait type", "empty bounds");
        c.pos = i;
        return c.s.substring(start, i);
    }

    // ---------------------------------------------------------------- consts in types

    /** An array length, repeat count or const generic argument. */
    TyConst tyConst() {
        char ch = c.peek();
        if (Cursor.isDigit(ch) || (ch == '-' && Cursor.isDigit(c.peek(1)))) {
            boolean neg = c.eat('-');
            BigInteger v = bigDecimal("const");
            return new TyConst.Value(neg ? v.negate() : v, null);
        }
        if (ch == '\'') return new TyConst.Value(BigInteger.valueOf(charLiteral()), CHAR);
        if (c.eatWord("true")) return new TyConst.Value(BigInteger.ONE, BOOL);
        if (c.eatWord("false")) return new TyConst.Value(BigInteger.ZERO, BOOL);
        if (intBoundAhead() != null) {
            Ty.IntTy t = intBoundAhead();
            BigInteger v = intBound();
            return new TyConst.Value(v, INTS[t.ordinal()]);
        }
        if (c.atWord("_")) {
            c.pos++;
            return new TyConst.Unevaluated("_");
        }
        if (c.atIdentStart()) {
            int save = c.pos;
            String name = c.ident("const");
            if (!c.at("::") && !c.at('<')) return new TyConst.Param(name);
            if (c.at("::::")) {
                // a non-local anon const: `crate::` + its verbose def path, e.g. `core::::num::{impl#7}::f::{constant#0}`
                c.pos += 2;
                while (c.eat("::")) {
                    if (c.at('{')) disambiguated();
                    else c.ident("anon const path");
                }
                return new TyConst.Unevaluated(c.s.substring(save, c.pos));
            }
            c.pos = save;
        }
        throw c.error("const", "expected a const value");
    }

    BigInteger bigDecimal(String what) {
        int start = c.pos;
        while (c.pos < c.len && Cursor.isDigit(c.s.charAt(c.pos))) c.pos++;
        if (c.pos == start) throw c.error(what, "expected a number");
        if (c.pos - start > 1 && c.s.charAt(start) == '0') throw c.error(what, "leading zero");
        if (c.pos - start <= 18) return BigInteger.valueOf(Long.parseLong(c.s, start, c.pos, 10));
        return new BigInteger(c.s.substring(start, c.pos));
    }

    /** If the text here is {@code iN::MIN}, {@code iN::MAX} or {@code uN::MAX}, the int type; else null. */
    Ty.IntTy intBoundAhead() {
        char ch = c.peek();
        if (ch != 'i' && ch != 'u') return null;
        int start = c.pos;
        int end = start;
        while (end < c.len && end - start < 6 && Cursor.isIdentChar(c.s.charAt(end))) end++;
        Ty.IntTy t = Ty.IntTy.byName(c.s.substring(start, end));
        if (t == null) return null;
        boolean min = c.s.startsWith("::MIN", end);
        boolean max = c.s.startsWith("::MAX", end);
        if (!(min && t.signed()) && !max) return null;
        if (end + 5 < c.len && Cursor.isIdentChar(c.s.charAt(end + 5))) return null;
        if (c.s.startsWith("::", end + 5)) return null;
        return t;
    }

    /** Consumes {@code iN::MIN} / {@code iN::MAX} / {@code uN::MAX} and returns the value (64-bit for isize/usize). */
    BigInteger intBound() {
        Ty.IntTy t = intBoundAhead();
        int bytes = t.fixedBytes() == 0 ? pointerBytes : t.fixedBytes();
        c.pos += t.rustName().length();
        boolean min = c.eat("::MIN");
        if (!min) c.take("::MAX", "int bound");
        return IntBounds.bound(bytes, t.signed(), min);
    }

    /** A char literal as Rust's {@code char::escape_debug} prints it; returns the code point. */
    int charLiteral() {
        c.take('\'', "char literal");
        int cp;
        if (c.eat('\\')) {
            cp = Escapes.escape(c, true);
        } else {
            cp = c.s.codePointAt(c.pos);
            if (cp == '\'' || cp == '\n') throw c.error("char literal", "unexpected character");
            c.pos += Character.charCount(cp);
        }
        c.take('\'', "char literal");
        return cp;
    }

    // ---------------------------------------------------------------- paths

    Path path(boolean value) { return path(value, null); }

    /**
     * A def path. In value mode args follow {@code ::<}, in type mode {@code <}. When
     * {@code constraints} is non-null, {@code Name = Ty} entries of the last segment's args go there.
     */
    Path path(boolean value, List<TraitBound.AssocConstraint> constraints) {
        List<PathSegment> segs = new ArrayList<>(6);
        segs.add(firstSegment(value));
        while (true) {
            if (c.at("::")) {
                char n = c.peek(2);
                if (n == '<') {
                    if (value && lastIsBareIdent(segs) && !implSegmentAhead(c.pos + 2)) {
                        c.pos += 3;
                        attachArgs(segs, constraints);
                        continue;
                    }
                    c.pos += 2;
                    segs.add(implSegment());
                    continue;
                }
                if (n == '{') {
                    c.pos += 2;
                    segs.add(disambiguated());
                    continue;
                }
                if (Cursor.isDigit(n)) {
                    // a tuple field, e.g. the `0` in `u256::0::{constant#0}`
                    c.pos += 2;
                    segs.add(new PathSegment.Ident(String.valueOf(c.uint("path segment"))));
                    continue;
                }
                if (Cursor.isIdentStart(n) || (n == 'r' && c.peek(3) == '#')) {
                    if (c.at("::promoted[")) break;
                    c.pos += 2;
                    segs.add(new PathSegment.Ident(c.ident("path segment")));
                    continue;
                }
                break;
            }
            if (!value && c.at('<') && lastIsBareIdent(segs)) {
                c.pos++;
                attachArgs(segs, constraints);
                continue;
            }
            break;
        }
        return new Path(segs);
    }

    private static boolean lastIsBareIdent(List<PathSegment> segs) {
        return segs.get(segs.size() - 1) instanceof PathSegment.Ident id && id.args().isEmpty();
    }

    private void attachArgs(List<PathSegment> segs, List<TraitBound.AssocConstraint> constraints) {
        PathSegment.Ident id = (PathSegment.Ident) segs.get(segs.size() - 1);
        List<GenericArg> args = genericArgs(constraints);
        segs.set(segs.size() - 1, new PathSegment.Ident(id.name(), args));
    }

    /** After an opening '<': args up to and including the closing '>'. */
    List<GenericArg> genericArgs(List<TraitBound.AssocConstraint> constraints) {
        List<GenericArg> args = new ArrayList<>(4);
        if (c.eat('>')) return args;
        while (true) {
            if (constraints != null && c.atIdentStart() && constraintAhead()) {
                String name = c.ident("associated item");
                List<GenericArg> gat = List.of();
                if (c.eat('<')) gat = genericArgs(null);
                c.take(" = ", "associated item constraint");
                constraints.add(new TraitBound.AssocConstraint(name, gat, ty()));
            } else {
                if (constraints != null && !constraints.isEmpty()) {
                    throw c.error("generic args", "generic args after associated item constraints");
                }
                args.add(genericArg());
            }
            if (c.eat('>')) return args;
            c.take(", ", "generic args");
        }
    }

    private boolean constraintAhead() {
        int i = c.pos;
        while (i < c.len && Cursor.isIdentChar(c.s.charAt(i))) i++;
        if (c.s.startsWith(" = ", i)) return true;
        if (i < c.len && c.s.charAt(i) == '<') {
            // a GAT constraint `Name<'a> = T`: find the matching '>'
            int depth = 0;
            for (int k = i; k < c.len; k++) {
                char ch = c.s.charAt(k);
                if (ch == '\n') return false;
                if (ch == '<') depth++;
                else if (ch == '>' && c.s.charAt(k - 1) != '-' && --depth == 0) return c.s.startsWith(" = ", k + 1);
            }
        }
        return false;
    }

    GenericArg genericArg() {
        char ch = c.peek();
        if (ch == '\'') {
            if (c.peek(1) == '\\' || c.peek(2) == '\'' || (Character.isSurrogate(c.peek(1)) && c.peek(3) == '\'')) {
                return new GenericArg.Const(tyConst());
            }
            return new GenericArg.Lifetime(region());
        }
        if (Cursor.isDigit(ch) || (ch == '-' && Cursor.isDigit(c.peek(1))) || c.atWord("true") || c.atWord("false")
                || intBoundAhead() != null) {
            return new GenericArg.Const(tyConst());
        }
        return new GenericArg.Type(ty());
    }

    private PathSegment firstSegment(boolean value) {
        char ch = c.peek();
        if (ch == '<') {
            if (c.at("<impl ")) {
                if (c.at("<impl at ")) return implSegment();
                int kind = scanImpl(c.pos + 6);
                if (kind == SCAN_AS) {
                    c.pos++;
                    Ty self = new Ty.Param(implTraitText());
                    c.take(" as ", "qualified path");
                    Path trait = path(false);
                    c.take('>', "qualified path");
                    return new PathSegment.QualifiedSelf(self, trait);
                }
                return implSegment();
            }
            c.pos++;
            Ty self = ty();
            Path trait = null;
            if (c.eat(" as ")) trait = path(false);
            c.take('>', "qualified path");
            return new PathSegment.QualifiedSelf(self, trait);
        }
        if (ch == '{') return disambiguated();
        return new PathSegment.Ident(c.ident("path"));
    }

    private static final int SCAN_END = 0, SCAN_FOR = 1, SCAN_AS = 2, SCAN_COMMA = 3, SCAN_NONE = 4;

    /** What comes first at bracket depth 0 after {@code <impl }: ' for ', ' as ', ', ' or the closing '>'. */
    private int scanImpl(int from) {
        int depth = 0;
        for (int i = from; i < c.len; i++) {
            char ch = c.s.charAt(i);
            switch (ch) {
                case '\n': return SCAN_NONE;
                case '(': case '[': case '{': case '<': depth++; break;
                case ')': case ']': case '}': depth--; break;
                case '>':
                    if (c.s.charAt(i - 1) == '-') break;
                    if (depth == 0) return SCAN_END;
                    depth--;
                    break;
                case ' ':
                    if (depth == 0) {
                        if (c.s.startsWith(" for ", i)) return SCAN_FOR;
                        if (c.s.startsWith(" as ", i)) return SCAN_AS;
                    }
                    break;
                case ',':
                    if (depth == 0) return SCAN_COMMA;
                    break;
                case '"': {
                    int e = c.s.indexOf('"', i + 1);
                    if (e < 0) return SCAN_NONE;
                    i = e;
                    break;
                }
                default: break;
            }
        }
        return SCAN_NONE;
    }

    /**
     * At {@code <impl …>} after a value-path segment and {@code ::}: is it an impl segment
     * ({@code num::<impl u8>::MAX}) or a turbofish whose first arg is an impl-trait parameter
     * ({@code find::<impl FnMut(&T) -> bool>})? An impl segment has ' for ' or is followed by
     * {@code ::name}; a turbofish has several args or is followed by anything else.
     */
    private boolean implSegmentAhead(int lt) {
        if (!c.s.startsWith("<impl ", lt)) return false;
        if (c.s.startsWith("<impl at ", lt)) return true;
        int kind = scanImpl(lt + 6);
        if (kind == SCAN_FOR) return true;
        if (kind != SCAN_END) return false;
        int depth = 0;
        int i = lt;
        for (; i < c.len; i++) {
            char ch = c.s.charAt(i);
            if (ch == '(' || ch == '[' || ch == '{' || ch == '<') depth++;
            else if (ch == ')' || ch == ']' || ch == '}') depth--;
            else if (ch == '>' && c.s.charAt(i - 1) != '-' && --depth == 0) break;
        }
        int after = i + 1;
        return c.s.startsWith("::", after) && after + 2 < c.len && Cursor.isIdentStart(c.s.charAt(after + 2))
                && !c.s.startsWith("::promoted[", after);
    }

    /** {@code <impl at SPAN>}, {@code <impl Trait for T>} or {@code <impl T>}. */
    private PathSegment implSegment() {
        if (c.eat("<impl at ")) {
            int e = c.s.indexOf('>', c.pos);
            int nl = c.s.indexOf('\n', c.pos);
            if (e < 0 || (nl >= 0 && nl < e)) throw c.error("impl path segment", "unterminated '<impl at'");
            String span = c.s.substring(c.pos, e);
            c.pos = e + 1;
            return new PathSegment.ImplAt(span);
        }
        c.take("<impl ", "impl path segment");
        int kind = scanImpl(c.pos);
        Path trait = null;
        if (kind == SCAN_FOR) {
            trait = path(false);
            c.take(" for ", "impl path segment");
        } else if (kind != SCAN_END) {
            throw c.error("impl path segment", "expected '<impl Trait for T>' or '<impl T>'");
        }
        Ty self = ty();
        c.take('>', "impl path segment");
        return new PathSegment.ImplFor(trait, self);
    }

    private PathSegment disambiguated() {
        c.take('{', "path segment");
        int start = c.pos;
        while (c.pos < c.len && (Cursor.isIdentChar(c.s.charAt(c.pos)) || c.s.charAt(c.pos) == ':')) c.pos++;
        if (c.pos == start) throw c.error("path segment", "expected '{kind#N}'");
        String kind = c.s.substring(start, c.pos);
        c.take('#', "path segment");
        int index = c.uint("path segment");
        c.take('}', "path segment");
        return new PathSegment.Disambiguated(kind, index);
    }

    /** An instance: a value path and its shim suffix (ty/instance.rs). */
    Instance instance() {
        Path p = path(true);
        if (!c.at(" - ")) return new Instance(p);
        c.pos += 3;
        Instance.InstanceKind kind;
        if (c.eat("intrinsic")) kind = new Instance.InstanceKind.Intrinsic();
        else if (c.eat("virtual#")) kind = new Instance.InstanceKind.Virtual(c.uint("virtual index"));
        else if (c.eat("shim(vtable)")) kind = new Instance.InstanceKind.VTableShim();
        else if (c.eat("shim(reify)")) kind = new Instance.InstanceKind.ReifyShim(null);
        else if (c.eat("shim(reify-fnptr)")) kind = new Instance.InstanceKind.ReifyShim("fnptr");
        else if (c.eat("shim(reify-vtable)")) kind = new Instance.InstanceKind.ReifyShim("vtable");
        else if (c.eat("shim(tls)")) kind = new Instance.InstanceKind.ThreadLocalShim();
        else if (c.eat("shim(None)")) kind = new Instance.InstanceKind.DropGlue(null);
        else if (c.eat("shim(Some(")) {
            Ty t = ty();
            c.take("))", "drop glue shim");
            kind = new Instance.InstanceKind.DropGlue(t);
        } else if (c.eat("shim(")) {
            Ty t = ty();
            c.take(')', "shim");
            kind = new Instance.InstanceKind.ShimWithTy(t);
        } else if (c.eat("shim")) kind = new Instance.InstanceKind.Shim();
        else throw c.error("instance", "unknown shim suffix");
        return new Instance(p, kind);
    }
}
