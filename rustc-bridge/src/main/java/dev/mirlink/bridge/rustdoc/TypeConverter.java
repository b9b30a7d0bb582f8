package dev.mirlink.bridge.rustdoc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.GenericBound;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.WherePredicate;
import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Region;
import dev.mirlink.mir.ty.TraitBound;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Converts rustdoc's {@code Type}, {@code Path}, {@code GenericArgs}, bounds and generics
 * (rustdoc-json-types, format 57) to the {@code mir} type model. Paths are made canonical
 * through {@code defPathOf}, which maps a rustdoc id to its crate-qualified def path.
 */
final class TypeConverter {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Map<String, Ty> PRIMITIVES = Map.ofEntries(
            Map.entry("bool", new Ty.Bool()), Map.entry("char", new Ty.Char()),
            Map.entry("str", new Ty.Str()), Map.entry("never", new Ty.Never()),
            Map.entry("i8", new Ty.Int(Ty.IntTy.I8)), Map.entry("i16", new Ty.Int(Ty.IntTy.I16)),
            Map.entry("i32", new Ty.Int(Ty.IntTy.I32)), Map.entry("i64", new Ty.Int(Ty.IntTy.I64)),
            Map.entry("i128", new Ty.Int(Ty.IntTy.I128)), Map.entry("isize", new Ty.Int(Ty.IntTy.ISIZE)),
            Map.entry("u8", new Ty.Int(Ty.IntTy.U8)), Map.entry("u16", new Ty.Int(Ty.IntTy.U16)),
            Map.entry("u32", new Ty.Int(Ty.IntTy.U32)), Map.entry("u64", new Ty.Int(Ty.IntTy.U64)),
            Map.entry("u128", new Ty.Int(Ty.IntTy.U128)), Map.entry("usize", new Ty.Int(Ty.IntTy.USIZE)),
            Map.entry("f16", new Ty.Float(Ty.FloatTy.F16)), Map.entry("f32", new Ty.Float(Ty.FloatTy.F32)),
            Map.entry("f64", new Ty.Float(Ty.FloatTy.F64)), Map.entry("f128", new Ty.Float(Ty.FloatTy.F128)));

    private final IntFunction<String> defPathOf;
    private final String crateName;

    TypeConverter(String crateName, IntFunction<String> defPathOf) {
        this.crateName = crateName;
        this.defPathOf = defPathOf;
    }

    static Ty primitive(String name) {
        Ty ty = PRIMITIVES.get(name);
        if (ty == null) throw new RustdocFormatException("unknown primitive type " + name);
        return ty;
    }

    Ty type(JsonNode node) {
        if (node == null || node.isNull()) return new Ty.Tuple(List.of());
        if (node.isTextual() && node.asText().equals("infer")) return new Ty.Other("_");
        var field = node.fields().next();
        JsonNode v = field.getValue();
        return switch (field.getKey()) {
            case "resolved_path" -> new Ty.Adt(path(v));
            case "generic" -> new Ty.Param(v.asText());
            case "primitive" -> primitive(v.asText());
            case "tuple" -> new Ty.Tuple(types(v));
            case "slice" -> new Ty.Slice(type(v));
            case "array" -> new Ty.Array(type(v.get("type")), arrayLength(v.get("len").asText()));
            case "borrowed_ref" -> new Ty.Ref(region(v.get("lifetime")), type(v.get("type")), mutability(v));
            case "raw_pointer" -> new Ty.RawPtr(type(v.get("type")), mutability(v));
            case "qualified_path" -> new Ty.Projection(type(v.get("self_type")),
                    v.get("trait").isNull() ? null : path(v.get("trait")), v.get("name").asText(),
                    genericArgs(v.get("args")));
            case "dyn_trait" -> dynTrait(v);
            case "impl_trait" -> implTrait(v);
            case "function_pointer" -> new Ty.FnPtr(sig(v.get("sig"), v.get("header"), v.get("generic_params")));
            case "pat" -> new Ty.Pat(type(v.get("type")), v.get("__pat_unstable_do_not_use").asText());
            default -> throw new RustdocFormatException("unknown type kind " + field.getKey());
        };
    }

    List<Ty> types(JsonNode array) {
        List<Ty> out = new ArrayList<>(array.size());
        for (JsonNode t : array) out.add(type(t));
        return out;
    }

    /** A rustdoc {@code Path}: canonical def path segments, generic args on the last one. */
    Path path(JsonNode node) {
        String canonical = null;
        JsonNode id = node.get("id");
        if (id != null && !id.isNull()) canonical = defPathOf.apply(id.asInt());
        if (canonical == null) canonical = writtenPath(node.get("path").asText());
        List<String> names = DefPaths.split(canonical);
        List<PathSegment> segments = new ArrayList<>(names.size());
        for (int i = 0; i < names.size() - 1; i++) segments.add(new PathSegment.Ident(names.get(i), List.of()));
        segments.add(new PathSegment.Ident(names.get(names.size() - 1), genericArgs(node.get("args"))));
        return new Path(segments);
    }

    private String writtenPath(String written) {
        if (written.startsWith("crate::")) return crateName + written.substring("crate".length());
        if (written.startsWith("$crate::")) return crateName + written.substring("$crate".length());
        return written;
    }

    /** Angle-bracketed args, or {@code Fn(A, B) -> C} as {@code Fn<(A, B)>} (the output is a constraint). */
    List<GenericArg> genericArgs(JsonNode args) {
        if (args == null || args.isNull()) return List.of();
        if (args.has("angle_bracketed")) {
            List<GenericArg> out = new ArrayList<>();
            for (JsonNode a : args.get("angle_bracketed").get("args")) out.add(genericArg(a));
            return out;
        }
        if (args.has("parenthesized")) {
            return List.of(new GenericArg.Type(new Ty.Tuple(types(args.get("parenthesized").get("inputs")))));
        }
        return List.of();
    }

    private GenericArg genericArg(JsonNode a) {
        if (a.isTextual()) return new GenericArg.Type(new Ty.Other("_"));
        var field = a.fields().next();
        JsonNode v = field.getValue();
        return switch (field.getKey()) {
            case "lifetime" -> new GenericArg.Lifetime(new Region(v.asText()));
            case "type" -> new GenericArg.Type(type(v));
            case "const" -> new GenericArg.Const(constArg(v));
            default -> throw new RustdocFormatException("unknown generic arg kind " + field.getKey());
        };
    }

    /** A const generic argument; its type is not known here, so only names become {@link TyConst.Param}. */
    private static TyConst constArg(JsonNode c) {
        String expr = c.get("expr").asText();
        if (IDENT.matcher(expr).matches()) return new TyConst.Param(expr);
        return new TyConst.Unevaluated(expr);
    }

    static TyConst arrayLength(String len) {
        if (INTEGER.matcher(len).matches()) return new TyConst.Value(new BigInteger(len), new Ty.Int(Ty.IntTy.USIZE));
        if (IDENT.matcher(len).matches()) return new TyConst.Param(len);
        return new TyConst.Unevaluated(len);
    }

    List<TraitBound.AssocConstraint> constraints(JsonNode args) {
        List<TraitBound.AssocConstraint> out = new ArrayList<>();
        if (args == null || args.isNull()) return out;
        if (args.has("angle_bracketed")) {
            for (JsonNode c : args.get("angle_bracketed").get("constraints")) {
                JsonNode binding = c.get("binding");
                JsonNode eq = binding.get("equality");
                if (eq == null) continue; // `Item: Bound` constraints don't fix a type
                Ty ty = eq.has("type") ? type(eq.get("type")) : new Ty.Other(eq.get("constant").get("expr").asText());
                out.add(new TraitBound.AssocConstraint(c.get("name").asText(), genericArgs(c.get("args")), ty));
            }
        } else if (args.has("parenthesized")) {
            out.add(new TraitBound.AssocConstraint("Output", List.of(), type(args.get("parenthesized").get("output"))));
        }
        return out;
    }

    TraitBound traitBound(JsonNode trait, JsonNode genericParams, String constness) {
        return new TraitBound(lifetimes(genericParams), constness, path(trait), constraints(trait.get("args")));
    }

    GenericBound bound(JsonNode node) {
        var field = node.fields().next();
        JsonNode v = field.getValue();
        return switch (field.getKey()) {
            case "trait_bound" -> {
                GenericBound.Modifier modifier = switch (v.get("modifier").asText()) {
                    case "maybe" -> GenericBound.Modifier.MAYBE;
                    case "maybe_const" -> GenericBound.Modifier.MAYBE_CONST;
                    default -> GenericBound.Modifier.NONE;
                };
                String constness = modifier == GenericBound.Modifier.MAYBE_CONST ? "[const]" : null;
                yield new GenericBound.Trait(traitBound(v.get("trait"), v.get("generic_params"), constness), modifier);
            }
            case "outlives" -> new GenericBound.Outlives(new Region(v.asText()));
            case "use" -> {
                List<String> captured = new ArrayList<>();
                for (JsonNode c : v) captured.add(c.fields().next().getValue().asText());
                yield new GenericBound.Use(captured);
            }
            default -> throw new RustdocFormatException("unknown bound kind " + field.getKey());
        };
    }

    List<GenericBound> bounds(JsonNode array) {
        List<GenericBound> out = new ArrayList<>(array.size());
        for (JsonNode b : array) out.add(bound(b));
        return out;
    }

    Generics generics(JsonNode node) {
        if (node == null || node.isNull()) return Generics.EMPTY;
        List<GenericParam> params = params(node.get("params"));
        List<WherePredicate> where = new ArrayList<>();
        for (JsonNode p : node.get("where_predicates")) {
            var field = p.fields().next();
            JsonNode v = field.getValue();
            where.add(switch (field.getKey()) {
                case "bound_predicate" -> new WherePredicate.Bound(type(v.get("type")), bounds(v.get("bounds")),
                        params(v.get("generic_params")));
                case "lifetime_predicate" -> new WherePredicate.Outlives(v.get("lifetime").asText(), strings(v.get("outlives")));
                case "eq_predicate" -> new WherePredicate.Eq(type(v.get("lhs")), term(v.get("rhs")));
                default -> throw new RustdocFormatException("unknown where predicate " + field.getKey());
            });
        }
        // associated type bounds (`I: Iterator<Item: IntoIterator<IntoIter = U>>`) become where-clauses on
        // the projection (`<I as Iterator>::Item: IntoIterator<IntoIter = U>`), the only place U is fixed
        for (JsonNode p : node.get("params")) {
            var kind = p.get("kind").fields().next();
            if (kind.getKey().equals("type")) assocTypeBounds(new Ty.Param(p.get("name").asText()), kind.getValue().get("bounds"), where);
        }
        for (JsonNode p : node.get("where_predicates")) {
            if (p.has("bound_predicate")) assocTypeBounds(type(p.get("bound_predicate").get("type")), p.get("bound_predicate").get("bounds"), where);
        }
        if (params.isEmpty() && where.isEmpty()) return Generics.EMPTY;
        return new Generics(params, where);
    }

    private void assocTypeBounds(Ty self, JsonNode bounds, List<WherePredicate> out) {
        for (JsonNode b : bounds) {
            JsonNode tb = b.get("trait_bound");
            if (tb == null) continue;
            JsonNode args = tb.get("trait").get("args");
            if (args == null || args.isNull() || !args.has("angle_bracketed")) continue;
            for (JsonNode c : args.get("angle_bracketed").get("constraints")) {
                JsonNode constraint = c.get("binding").get("constraint");
                if (constraint == null) continue;
                Ty projection = new Ty.Projection(self, path(tb.get("trait")), c.get("name").asText(), List.of());
                out.add(new WherePredicate.Bound(projection, bounds(constraint), List.of()));
                assocTypeBounds(projection, constraint, out);
            }
        }
    }

    private Ty term(JsonNode term) {
        if (term.has("type")) return type(term.get("type"));
        return new Ty.Other(term.get("constant").get("expr").asText());
    }

    List<GenericParam> params(JsonNode array) {
        List<GenericParam> out = new ArrayList<>();
        if (array == null) return out;
        for (JsonNode p : array) {
            String name = p.get("name").asText();
            var kind = p.get("kind").fields().next();
            JsonNode v = kind.getValue();
            out.add(switch (kind.getKey()) {
                case "lifetime" -> new GenericParam.Lifetime(name, strings(v.get("outlives")));
                case "type" -> new GenericParam.Type(name, bounds(v.get("bounds")),
                        v.get("default").isNull() ? null : type(v.get("default")), v.get("is_synthetic").asBoolean());
                case "const" -> new GenericParam.Const(name, type(v.get("type")),
                        v.get("default").isNull() ? null : v.get("default").asText());
                default -> throw new RustdocFormatException("unknown generic param kind " + kind.getKey());
            });
        }
        return out;
    }

    /** A fn signature; {@code binder} are the {@code for<'a>} params of a fn pointer (may be null). */
    FnSig sig(JsonNode sig, JsonNode header, JsonNode binder) {
        List<Ty> inputs = new ArrayList<>();
        for (JsonNode in : sig.get("inputs")) inputs.add(type(in.get(1)));
        return new FnSig(lifetimes(binder), header.get("is_unsafe").asBoolean(), abi(header.get("abi")), inputs,
                sig.get("is_c_variadic").asBoolean(), type(sig.get("output")));
    }

    static List<String> paramNames(JsonNode sig) {
        List<String> out = new ArrayList<>();
        for (JsonNode in : sig.get("inputs")) out.add(in.get(0).asText());
        return out;
    }

    /** The ABI as rustc prints it after {@code extern}, or null for {@code "Rust"}. */
    static String abi(JsonNode abi) {
        if (abi.isTextual()) {
            if (abi.asText().equals("Rust")) return null;
            throw new RustdocFormatException("unknown abi " + abi.asText());
        }
        var field = abi.fields().next();
        JsonNode v = field.getValue();
        if (field.getKey().equals("Other")) return v.asText().replace("\"", "");
        String base = switch (field.getKey()) {
            case "C" -> "C";
            case "Cdecl" -> "cdecl";
            case "Stdcall" -> "stdcall";
            case "Fastcall" -> "fastcall";
            case "Aapcs" -> "aapcs";
            case "Win64" -> "win64";
            case "SysV64" -> "sysv64";
            case "System" -> "system";
            default -> throw new RustdocFormatException("unknown abi " + field.getKey());
        };
        return v.get("unwind").asBoolean() ? base + "-unwind" : base;
    }

    private Ty dynTrait(JsonNode v) {
        List<TraitBound> bounds = new ArrayList<>();
        for (JsonNode poly : v.get("traits")) bounds.add(traitBound(poly.get("trait"), poly.get("generic_params"), null));
        return new Ty.Dynamic(bounds, region(v.get("lifetime")));
    }

    private Ty implTrait(JsonNode v) {
        List<TraitBound> bounds = new ArrayList<>();
        List<Region> regions = new ArrayList<>();
        for (GenericBound b : bounds(v)) {
            switch (b) {
                case GenericBound.Trait t -> bounds.add(t.bound());
                case GenericBound.Outlives o -> regions.add(o.region());
                case GenericBound.Use u -> { }
            }
        }
        return new Ty.Opaque(bounds, regions);
    }

    private static List<Region> lifetimes(JsonNode params) {
        List<Region> out = new ArrayList<>();
        if (params == null || params.isNull()) return out;
        for (JsonNode p : params) if (p.get("kind").has("lifetime")) out.add(new Region(p.get("name").asText()));
        return out;
    }

    private static Region region(JsonNode lifetime) {
        return lifetime == null || lifetime.isNull() ? null : new Region(lifetime.asText());
    }

    private static Ty.Mutability mutability(JsonNode v) {
        return v.get("is_mutable").asBoolean() ? Ty.Mutability.MUT : Ty.Mutability.NOT;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array) out.add(s.asText());
        return out;
    }
}
