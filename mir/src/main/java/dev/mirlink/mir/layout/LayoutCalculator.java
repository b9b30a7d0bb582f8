package dev.mirlink.mir.layout;

import dev.mirlink.mir.item.Repr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Layout of aggregates from the layouts of their fields, ported from rustc's
 * {@code LayoutCalculator} (rustc_abi/src/layout.rs, 1.96): field reordering, niche placement,
 * tagged versus niche-filling enums, unions and arrays.
 */
final class LayoutCalculator {
    enum StructKind { ALWAYS_SIZED, MAYBE_UNSIZED, PREFIXED }

    private enum NicheBias { START, END }

    private final TargetDataLayout dl;

    LayoutCalculator(TargetDataLayout dl) {
        this.dl = dl;
    }

    static boolean inhibitStructFieldReordering(Repr r) {
        return r.kind() == Repr.Kind.C || r.kind() == Repr.Kind.SIMD || r.intType() != null;
    }

    static boolean inhibitEnumLayoutOpt(Repr r) {
        return r.kind() == Repr.Kind.C || r.intType() != null;
    }

    private static boolean inhibitNewtypeAbiOptimization(Repr r) {
        return r.kind() == Repr.Kind.C || r.kind() == Repr.Kind.SIMD;
    }

    static long alignTo(long v, long a) {
        return (v + a - 1) / a * a;
    }

    Layout scalar(Scalar s) {
        return new Layout(s.size(), s.align(), new FieldsShape.Primitive(), new Variants.Single(0),
                new Abi.ScalarAbi(s), Niche.fromScalar(0, s), false, s.align());
    }

    Layout neverType() {
        return new Layout(0, 1, new FieldsShape.Primitive(), new Variants.Empty(), new Abi.Aggregate(true), null, true, 1);
    }

    Layout unit(boolean sized) {
        return new Layout(0, 1, new FieldsShape.Arbitrary(List.of(), List.of()), new Variants.Single(0),
                new Abi.Aggregate(sized), null, false, 1);
    }

    /** {@code LayoutData::scalar_pair}. */
    Layout scalarPair(Scalar a, Scalar b) {
        int bAlign = b.align();
        int align = Math.max(a.align(), bAlign);
        long bOffset = alignTo(a.size(), bAlign);
        long size = alignTo(bOffset + b.size(), align);
        Niche na = Niche.fromScalar(0, a), nb = Niche.fromScalar(bOffset, b);
        // max_by_key keeps the last maximum: on a tie the niche of `a` wins.
        Niche largest = nb;
        if (na != null && (largest == null || na.available().compareTo(largest.available()) >= 0)) largest = na;
        return new Layout(size, align, new FieldsShape.Arbitrary(List.of(0L, bOffset), List.of(0, 1)),
                new Variants.Single(0), new Abi.ScalarPair(a, b), largest, false, align);
    }

    /** {@code array_like}: {@code count} null for a slice. */
    Layout arrayLike(Layout element, Long count) {
        long n = count == null ? 0 : count;
        long size = element.size() * n;
        if (size >= dl.objSizeBound()) throw new LayoutException("array too large");
        return new Layout(size, element.align(), new FieldsShape.Array(element.size(), n), new Variants.Single(0),
                new Abi.Aggregate(count != null), n != 0 ? element.largestNiche() : null,
                n != 0 && element.uninhabited(), element.align());
    }

    private static boolean absent(List<Layout> fields) {
        boolean uninhabited = fields.stream().anyMatch(Layout::uninhabited);
        boolean all1Zst = fields.stream().allMatch(Layout::is1Zst);
        return uninhabited && all1Zst;
    }

    Layout univariant(List<Layout> fields, Repr repr, StructKind kind, long prefixSize, int prefixAlign) {
        Layout layout = univariantBiased(fields, repr, kind, prefixSize, prefixAlign, NicheBias.START);
        // Enums prefer niches close to either end of the variant, so try a second, end-biased order.
        if (kind != StructKind.MAYBE_UNSIZED && layout.largestNiche() != null) {
            Niche niche = layout.largestNiche();
            long head = niche.offset();
            long len = niche.value().size();
            long tail = layout.size() - head - len;
            if (fields.size() > 1 && head != 0 && tail > 0) {
                Layout alt = univariantBiased(fields, repr, kind, prefixSize, prefixAlign, NicheBias.END);
                long altHead = alt.largestNiche().offset();
                if (altHead > head && altHead > tail) return alt;
            }
        }
        return layout;
    }

    private Layout univariantBiased(List<Layout> fields, Repr repr, StructKind kind, long prefixSize,
                                    int prefixAlign, NicheBias bias) {
        Integer pack = repr.packed();
        int align = 1;
        int n = fields.size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        int end = kind == StructKind.MAYBE_UNSIZED ? n - 1 : n;
        if (!inhibitStructFieldReordering(repr) && n > 1) {
            List<Layout> excludingTail = fields.subList(0, end);
            long maxFieldAlign = excludingTail.stream().mapToLong(Layout::align).max().orElse(1);
            BigInteger largestNicheSize = BigInteger.ZERO;
            for (Layout f : excludingTail) {
                if (f.largestNiche() != null) largestNicheSize = largestNicheSize.max(f.largestNiche().available());
            }
            final BigInteger lns = largestNicheSize;
            java.util.function.ToLongFunction<Layout> groupKey = f -> {
                if (pack != null) return Math.min(f.align(), pack);
                long size = f.size();
                BigInteger nicheSize = nicheSize(f);
                long sizeAsAlign = Long.numberOfTrailingZeros(Math.max(f.align(), size));
                if (lns.signum() > 0) {
                    if (bias == NicheBias.START) {
                        sizeAsAlign = Math.min(Long.numberOfTrailingZeros(maxFieldAlign), sizeAsAlign);
                    } else if (nicheSize.equals(lns)) {
                        sizeAsAlign = Long.numberOfTrailingZeros(f.align());
                    }
                }
                return sizeAsAlign;
            };
            List<Integer> optimizing = new ArrayList<>(order.subList(0, end));
            if (kind == StructKind.PREFIXED) {
                optimizing.sort(Comparator.<Integer>comparingLong(x -> groupKey.applyAsLong(fields.get(x)))
                        .thenComparing(x -> nicheSize(fields.get(x))));
            } else {
                // (Reverse(group), niche key, inner niche offset key); `!x` on u128 is MAX - x.
                BigInteger u128Max = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
                BigInteger u64Max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
                Comparator<Integer> cmp = Comparator.<Integer>comparingLong(x -> -groupKey.applyAsLong(fields.get(x)));
                cmp = cmp.thenComparing(x -> {
                    BigInteger ns = nicheSize(fields.get(x));
                    return bias == NicheBias.START ? u128Max.subtract(ns) : ns;
                });
                cmp = cmp.thenComparing(x -> {
                    Layout f = fields.get(x);
                    Niche ni = f.largestNiche();
                    if (ni == null) return BigInteger.ZERO;
                    if (bias == NicheBias.START) return BigInteger.valueOf(ni.offset());
                    return u64Max.subtract(BigInteger.valueOf(f.size() - ni.value().size() - ni.offset()));
                });
                optimizing.sort(cmp);
            }
            for (int i = 0; i < end; i++) order.set(i, optimizing.get(i));
        }
        long[] offsets = new long[n];
        long offset = 0;
        Niche largestNiche = null;
        BigInteger largestAvailable = BigInteger.ZERO;
        if (kind == StructKind.PREFIXED) {
            int pa = pack != null ? Math.min(prefixAlign, pack) : prefixAlign;
            align = Math.max(align, pa);
            offset = alignTo(prefixSize, pa);
        }
        boolean sawUnsized = false;
        for (int i : order) {
            Layout field = fields.get(i);
            if (sawUnsized) throw new LayoutException("unsized field is not last");
            if (field.isUnsized()) {
                if (kind != StructKind.MAYBE_UNSIZED) throw new LayoutException("unexpected unsized field");
                sawUnsized = true;
            }
            int fieldAlign = pack != null ? Math.min(field.align(), pack) : field.align();
            offset = alignTo(offset, fieldAlign);
            align = Math.max(align, fieldAlign);
            offsets[i] = offset;
            Niche niche = field.largestNiche();
            if (niche != null) {
                BigInteger available = niche.available();
                int c = available.compareTo(largestAvailable);
                if (bias == NicheBias.START ? c > 0 : c >= 0) {
                    largestAvailable = available;
                    largestNiche = niche.withOffset(niche.offset() + offset);
                }
            }
            offset += field.size();
        }
        int unadjusted = align;
        if (repr.align() != null) align = Math.max(align, repr.align());
        long size = alignTo(offset, align);
        if (size >= dl.objSizeBound()) throw new LayoutException("struct too large");
        boolean sized = !sawUnsized;
        Abi abi = new Abi.Aggregate(sized);
        Layout single = null;
        if (sized && size > 0) {
            List<Integer> nonZst = new ArrayList<>();
            for (int i = 0; i < n; i++) if (!fields.get(i).isZst()) nonZst.add(i);
            if (nonZst.size() == 1) {
                int i = nonZst.get(0);
                Layout field = fields.get(i);
                single = field;
                if (offsets[i] == 0 && align == field.align() && size == field.size()) {
                    if ((field.abi() instanceof Abi.ScalarAbi || field.abi() instanceof Abi.Vector)
                            && !inhibitNewtypeAbiOptimization(repr)) {
                        abi = field.abi();
                    } else if (field.abi() instanceof Abi.ScalarPair) {
                        abi = field.abi();
                    }
                }
            } else if (nonZst.size() == 2) {
                int i = nonZst.get(0), j = nonZst.get(1);
                if (fields.get(i).abi() instanceof Abi.ScalarAbi(Scalar a)
                        && fields.get(j).abi() instanceof Abi.ScalarAbi(Scalar b)) {
                    if (offsets[j] < offsets[i]) {
                        int t = i; i = j; j = t;
                        Scalar ts = a; a = b; b = ts;
                    }
                    Layout pair = scalarPair(a, b);
                    if (offsets[i] == pair.fields().offset(0) && offsets[j] == pair.fields().offset(1)
                            && align == pair.align() && size == pair.size()) {
                        abi = pair.abi();
                    }
                }
            }
        }
        boolean uninhabited = fields.stream().anyMatch(Layout::uninhabited);
        if (repr.kind() == Repr.Kind.TRANSPARENT) unadjusted = single != null ? single.unadjustedAbiAlign() : align;
        List<Long> offs = new ArrayList<>();
        for (long o : offsets) offs.add(o);
        return new Layout(size, align, new FieldsShape.Arbitrary(offs, order), new Variants.Single(0), abi,
                largestNiche, uninhabited, unadjusted);
    }

    private static BigInteger nicheSize(Layout f) {
        return f.largestNiche() == null ? BigInteger.ZERO : f.largestNiche().available();
    }

    Layout union(List<Layout> fields, Repr repr) {
        int align = 1;
        long size = 0;
        boolean optimize = repr.kind() != Repr.Kind.C;
        boolean mismatch = !optimize;
        Abi common = null;
        for (Layout f : fields) {
            if (f.isUnsized()) throw new LayoutException("unsized union field");
            align = Math.max(align, f.align());
            size = Math.max(size, f.size());
            if (f.isZst() || mismatch) continue;
            Abi fa = toUnion(f.abi());
            if (common == null) common = fa;
            else if (!common.equals(fa)) mismatch = true;
        }
        if (repr.packed() != null) align = Math.min(align, repr.packed());
        int unadjusted = align;
        if (repr.align() != null) align = Math.max(align, repr.align());
        Abi abi = new Abi.Aggregate(true);
        if (!mismatch && common != null) {
            abi = common;
            if (common instanceof Abi.ScalarAbi(Scalar s) && s.align() != align) abi = new Abi.Aggregate(true);
            if (common instanceof Abi.ScalarPair(Scalar a, Scalar b) && Math.max(a.align(), b.align()) != align) {
                abi = new Abi.Aggregate(true);
            }
            if (common instanceof Abi.Vector v && v.element().align() > align) abi = new Abi.Aggregate(true);
        }
        if (fields.isEmpty()) throw new LayoutException("empty union");
        return new Layout(alignTo(size, align), align, new FieldsShape.Union(fields.size()), new Variants.Single(0),
                abi, null, false, unadjusted);
    }

    private static Abi toUnion(Abi abi) {
        return switch (abi) {
            case Abi.ScalarAbi s -> new Abi.ScalarAbi(s.scalar().toUnion());
            case Abi.ScalarPair p -> new Abi.ScalarPair(p.a().toUnion(), p.b().toUnion());
            case Abi.Vector v -> new Abi.Vector(v.element().toUnion(), v.count());
            case Abi.Aggregate a -> new Abi.Aggregate(true);
        };
    }

    /** {@code layout_of_struct_or_enum}; {@code validRange} holds the attribute bounds (nulls when absent). */
    Layout structOrEnum(Repr repr, List<List<Layout>> variants, boolean isEnum, boolean specialNoNiche,
                        BigInteger validStart, BigInteger validEnd, List<BigInteger> discriminants,
                        boolean alwaysSized) {
        Integer presentFirst = null, presentSecond = null;
        for (int i = 0; i < variants.size(); i++) {
            if (!inhibitEnumLayoutOpt(repr) && absent(variants.get(i))) continue;
            if (presentFirst == null) presentFirst = i;
            else if (presentSecond == null) presentSecond = i;
        }
        if (presentFirst == null) {
            if (isEnum) return neverType();
            presentFirst = 0;
        }
        if (!isEnum || (presentSecond == null && !inhibitEnumLayoutOpt(repr))) {
            return struct(repr, variants, isEnum, specialNoNiche, validStart, validEnd, alwaysSized, presentFirst);
        }
        if (repr.packed() != null) throw new LayoutException("packed enum");
        return enumLayout(repr, variants, discriminants);
    }

    private Layout struct(Repr repr, List<List<Layout>> variants, boolean isEnum, boolean specialNoNiche,
                          BigInteger validStart, BigInteger validEnd, boolean alwaysSized, int v) {
        List<Layout> fields = variants.get(v);
        StructKind kind = isEnum || fields.isEmpty() || alwaysSized ? StructKind.ALWAYS_SIZED : StructKind.MAYBE_UNSIZED;
        Layout st = univariant(fields, repr, kind, 0, 1).withVariants(new Variants.Single(v));
        if (specialNoNiche) {
            Abi abi = switch (st.abi()) {
                case Abi.ScalarAbi s -> new Abi.ScalarAbi(hide(s.scalar()));
                case Abi.ScalarPair p -> new Abi.ScalarPair(hide(p.a()), hide(p.b()));
                case Abi.Vector vec -> new Abi.Vector(hide(vec.element()), vec.count());
                case Abi.Aggregate a -> a;
            };
            return st.withAbi(abi).withNiche(null);
        }
        if (validStart == null && validEnd == null) return st;
        Scalar first;
        if (st.abi() instanceof Abi.ScalarAbi(Scalar s)) first = s;
        else if (st.abi() instanceof Abi.ScalarPair(Scalar a, Scalar b)) first = a;
        else throw new LayoutException("valid range attribute on a non-scalar layout");
        WrappingRange r = ((Scalar.Initialized) first).validRange();
        if (validStart != null) r = r.withStart(validStart);
        if (validEnd != null) r = r.withEnd(validEnd);
        Scalar restricted = new Scalar.Initialized(first.primitive(), r);
        Abi abi = st.abi() instanceof Abi.ScalarPair p ? new Abi.ScalarPair(restricted, p.b()) : new Abi.ScalarAbi(restricted);
        st = st.withAbi(abi);
        Niche niche = Niche.fromScalar(0, restricted);
        if (niche != null && (st.largestNiche() == null
                || st.largestNiche().available().compareTo(niche.available()) <= 0)) {
            st = st.withNiche(niche);
        }
        return st;
    }

    private static Scalar hide(Scalar s) {
        return s instanceof Scalar.Initialized i ? Scalar.full(i.primitive()) : s;
    }

    private Layout enumLayout(Repr repr, List<List<Layout>> variants, List<BigInteger> discriminants) {
        Layout niche = nicheFillingLayout(repr, variants);
        Layout tagged = taggedLayout(repr, variants, discriminants);
        if (niche == null) return tagged;
        int bySize = Long.compare(tagged.size(), niche.size());
        BigInteger tn = tagged.largestNiche() == null ? BigInteger.ZERO : tagged.largestNiche().available();
        BigInteger nn = niche.largestNiche() == null ? BigInteger.ZERO : niche.largestNiche().available();
        if (bySize > 0 || (bySize == 0 && tn.compareTo(nn) < 0)) return niche;
        return tagged;
    }

    private Layout nicheFillingLayout(Repr repr, List<List<Layout>> variants) {
        if (inhibitEnumLayoutOpt(repr) || variants.size() < 2) return null;
        int align = 1, unadjusted = 1;
        List<Layout> layouts = new ArrayList<>();
        for (int j = 0; j < variants.size(); j++) {
            Layout st;
            try {
                st = univariant(variants.get(j), repr, StructKind.ALWAYS_SIZED, 0, 1);
            } catch (LayoutException e) {
                return null;
            }
            st = st.withVariants(new Variants.Single(j));
            align = Math.max(align, st.align());
            unadjusted = Math.max(unadjusted, st.unadjustedAbiAlign());
            layouts.add(st);
        }
        int largest = 0;
        for (int i = 1; i < layouts.size(); i++) {
            // max_by_key keeps the last maximum.
            if (layouts.get(i).size() >= layouts.get(largest).size()) largest = i;
        }
        int first = -1, last = -1;
        for (int i = 0; i < variants.size(); i++) {
            if (i != largest && !absent(variants.get(i))) {
                if (first < 0) first = i;
                last = i;
            }
        }
        BigInteger count = BigInteger.valueOf(last - first + 1L);
        Niche niche = layouts.get(largest).largestNiche();
        if (niche == null) return null;
        Niche.Reserved reserved = niche.reserve(count);
        if (reserved == null) return null;
        long nicheOffset = niche.offset();
        long nicheSize = niche.value().size();
        long size = alignTo(layouts.get(largest).size(), align);
        for (int i = 0; i < layouts.size(); i++) {
            if (i == largest) continue;
            Layout l = layouts.get(i).withNiche(null);
            if (l.size() <= nicheOffset) {
                layouts.set(i, l);
                continue;
            }
            long thisOffset = alignTo(nicheOffset + nicheSize, l.align());
            if (thisOffset + l.size() > size) return null;
            FieldsShape.Arbitrary f = (FieldsShape.Arbitrary) l.fields();
            List<Long> offs = new ArrayList<>();
            for (long o : f.offsets()) offs.add(o + thisOffset);
            Abi abi = l.uninhabited() ? l.abi() : new Abi.Aggregate(true);
            layouts.set(i, new Layout(l.size() + thisOffset, l.align(), new FieldsShape.Arbitrary(offs, f.inMemoryOrder()),
                    l.variants(), abi, null, l.uninhabited(), l.unadjustedAbiAlign()));
        }
        Scalar nicheScalar = reserved.scalar();
        Niche largestNiche = Niche.fromScalar(nicheOffset, nicheScalar);
        boolean othersZst = true;
        for (int i = 0; i < layouts.size(); i++) if (i != largest && layouts.get(i).size() != 0) othersZst = false;
        Layout big = layouts.get(largest);
        boolean sameSize = size == big.size(), sameAlign = align == big.align();
        boolean uninhabited = layouts.stream().allMatch(Layout::uninhabited);
        Abi abi = new Abi.Aggregate(true);
        if (sameSize && sameAlign && othersZst) {
            if (big.abi() instanceof Abi.ScalarAbi) abi = new Abi.ScalarAbi(nicheScalar);
            else if (big.abi() instanceof Abi.ScalarPair(Scalar a, Scalar b)) {
                abi = nicheOffset == 0 ? new Abi.ScalarPair(nicheScalar, b.toUnion()) : new Abi.ScalarPair(a.toUnion(), nicheScalar);
            }
        }
        return new Layout(size, align, new FieldsShape.Arbitrary(List.of(nicheOffset), List.of(0)),
                new Variants.Multiple(nicheScalar, new Variants.Niche(largest, first, last, reserved.nicheStart()), 0, layouts),
                abi, largestNiche, uninhabited, unadjusted);
    }

    private Layout taggedLayout(Repr repr, List<List<Layout>> variants, List<BigInteger> discriminants) {
        // The discriminant type: repr(int), else isize (rustc's ReprOptions::discr_type).
        int discrSize = repr.intType() == null ? dl.pointerSize()
                : repr.intType().fixedBytes() == 0 ? dl.pointerSize() : repr.intType().fixedBytes();
        boolean discrSigned = repr.intType() == null || repr.intType().signed();
        TreeSet<BigInteger> valid = new TreeSet<>();
        for (int i = 0; i < variants.size(); i++) {
            if (repr.kind() != Repr.Kind.C && variants.get(i).stream().anyMatch(Layout::uninhabited)) continue;
            BigInteger d = discriminants.get(i);
            valid.add(discrSigned ? signExtend(d, discrSize) : d);
        }
        // The largest gap between consecutive discriminants (wrapping) is left out of the tag's range.
        BigInteger min = BigInteger.ZERO, max = BigInteger.ZERO;
        if (!valid.isEmpty()) {
            List<BigInteger> ds = new ArrayList<>(valid);
            BigInteger bestDist = null;
            for (int k = 0; k < ds.size(); k++) {
                BigInteger start = ds.get(k), end = ds.get((k + 1) % ds.size());
                BigInteger dist;
                if (start.compareTo(end) > 0) {
                    BigInteger d = start.subtract(end);
                    BigInteger discrMax = discrSigned ? BigInteger.ONE.shiftLeft(discrSize * 8 - 1).subtract(BigInteger.ONE)
                            : BigInteger.ONE.shiftLeft(discrSize * 8).subtract(BigInteger.ONE);
                    dist = discrMax.subtract(d);
                } else {
                    dist = end.subtract(start);
                }
                if (bestDist == null || dist.compareTo(bestDist) >= 0) {
                    bestDist = dist;
                    max = start;
                    min = end;
                }
            }
        }
        int[] fit = discrRangeOfRepr(repr, min, max);
        int minIty = fit[0];
        boolean signed = fit[1] != 0;
        int align = 1, unadjusted = 1;
        long size = 0;
        int startAlign = 256;
        int prefixAlign = dl.intAlign(minIty);
        if (repr.kind() == Repr.Kind.C) {
            for (List<Layout> fs : variants) for (Layout f : fs) prefixAlign = Math.max(prefixAlign, f.align());
        }
        List<Layout> layouts = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            List<Layout> fs = variants.get(i);
            Layout st = univariant(fs, repr, StructKind.PREFIXED, minIty, prefixAlign).withVariants(new Variants.Single(i));
            FieldsShape.Arbitrary f = (FieldsShape.Arbitrary) st.fields();
            for (int idx : f.inMemoryOrder()) {
                if (!fs.get(idx).is1Zst()) {
                    startAlign = Math.min(startAlign, fs.get(idx).align());
                    break;
                }
            }
            size = Math.max(size, st.size());
            align = Math.max(align, st.align());
            unadjusted = Math.max(unadjusted, st.unadjustedAbiAlign());
            layouts.add(st);
        }
        size = alignTo(size, align);
        if (size >= dl.objSizeBound()) throw new LayoutException("enum too large");
        int ity = minIty;
        if (repr.kind() != Repr.Kind.C && repr.intType() == null) {
            // Integer::for_align: an integer whose size and alignment both equal startAlign.
            for (int cand : new int[] {1, 2, 4, 8, 16}) {
                if (cand == startAlign && dl.intAlign(cand) == cand) {
                    ity = cand;
                    break;
                }
            }
        }
        if (ity <= minIty) {
            ity = minIty;
        } else {
            for (int i = 0; i < layouts.size(); i++) {
                Layout l = layouts.get(i);
                FieldsShape.Arbitrary f = (FieldsShape.Arbitrary) l.fields();
                List<Long> offs = new ArrayList<>();
                for (long o : f.offsets()) offs.add(o <= minIty ? ity : o);
                long vs = l.size() <= minIty ? ity : l.size();
                layouts.set(i, new Layout(vs, l.align(), new FieldsShape.Arbitrary(offs, f.inMemoryOrder()), l.variants(),
                        l.abi(), l.largestNiche(), l.uninhabited(), l.unadjustedAbiAlign()));
            }
        }
        Primitive tagPrim = Primitive.integer(dl, ity, signed);
        BigInteger mask = tagPrim.unsignedMax();
        Scalar tag = new Scalar.Initialized(tagPrim, new WrappingRange(min.and(mask), max.and(mask)));
        Abi abi = new Abi.Aggregate(true);
        boolean uninhabited = layouts.stream().allMatch(Layout::uninhabited);
        if (tag.size() == size) {
            abi = new Abi.ScalarAbi(tag);
        } else {
            Primitive commonPrim = null;
            long commonOffset = -1;
            boolean initializedInAll = true;
            boolean failed = false;
            for (int i = 0; i < variants.size() && !failed; i++) {
                List<Layout> fs = variants.get(i);
                FieldsShape.Arbitrary f = (FieldsShape.Arbitrary) layouts.get(i).fields();
                List<Integer> nonZst = new ArrayList<>();
                for (int k = 0; k < fs.size(); k++) if (!fs.get(k).isZst()) nonZst.add(k);
                if (nonZst.isEmpty()) {
                    initializedInAll = false;
                    continue;
                }
                if (nonZst.size() > 1) { failed = true; break; }
                Layout field = fs.get(nonZst.get(0));
                long offset = f.offset(nonZst.get(0));
                if (!(field.abi() instanceof Abi.ScalarAbi(Scalar s))) { failed = true; break; }
                initializedInAll &= s instanceof Scalar.Initialized;
                Primitive prim = s.primitive();
                if (commonPrim != null) {
                    if (offset != commonOffset) { failed = true; break; }
                    Primitive np;
                    if (commonPrim.equals(prim)) np = commonPrim;
                    else if (commonPrim.kind() == Primitive.Kind.INT && prim.kind() == Primitive.Kind.INT
                            && commonPrim.size() == prim.size()) np = commonPrim;
                    else if (commonPrim.kind() == Primitive.Kind.POINTER && prim.kind() == Primitive.Kind.INT
                            && commonPrim.size() == prim.size() && commonPrim.align() == prim.align()) np = commonPrim;
                    else if (commonPrim.kind() == Primitive.Kind.INT && prim.kind() == Primitive.Kind.POINTER
                            && commonPrim.size() == prim.size() && commonPrim.align() == prim.align()) np = prim;
                    else { failed = true; break; }
                    commonPrim = np;
                } else {
                    commonPrim = prim;
                    commonOffset = offset;
                }
            }
            if (!failed && commonPrim != null) {
                Scalar primScalar = initializedInAll ? Scalar.full(commonPrim) : new Scalar.Union(commonPrim);
                Layout pair = scalarPair(tag, primScalar);
                if (pair.fields().offset(0) == 0 && pair.fields().offset(1) == commonOffset
                        && align == pair.align() && size == pair.size()) {
                    abi = pair.abi();
                }
            }
        }
        if (abi instanceof Abi.ScalarAbi || abi instanceof Abi.ScalarPair) {
            for (int i = 0; i < layouts.size(); i++) {
                Layout l = layouts.get(i);
                if (l.fields().count() > 0 && l.abi() instanceof Abi.Aggregate) {
                    layouts.set(i, new Layout(Math.max(l.size(), size), Math.max(l.align(), align), l.fields(),
                            l.variants(), abi, l.largestNiche(), l.uninhabited(), l.unadjustedAbiAlign()));
                }
            }
        }
        return new Layout(size, align, new FieldsShape.Arbitrary(List.of(0L), List.of(0)),
                new Variants.Multiple(tag, new Variants.Direct(), 0, layouts), abi, Niche.fromScalar(0, tag),
                uninhabited, unadjusted);
    }

    /** {@code Integer::discr_range_of_repr} (rustc_middle/src/ty/layout.rs): {size, signed}. */
    private int[] discrRangeOfRepr(Repr repr, BigInteger min, BigInteger max) {
        int unsignedFit = fitUnsigned(asU128(min).max(asU128(max)));
        int signedFit = Math.max(fitSigned(min), fitSigned(max));
        if (repr.intType() != null) {
            int size = repr.intType().fixedBytes() == 0 ? dl.pointerSize() : repr.intType().fixedBytes();
            return new int[] {size, repr.intType().signed() ? 1 : 0};
        }
        int atLeast = repr.kind() == Repr.Kind.C ? dl.cEnumMinSize() : 1;
        if (min.signum() >= 0) return new int[] {Math.max(unsignedFit, atLeast), 0};
        return new int[] {Math.max(signedFit, atLeast), 1};
    }

    private static BigInteger asU128(BigInteger v) {
        return v.and(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    }

    private static int fitUnsigned(BigInteger v) {
        for (int s : new int[] {1, 2, 4, 8}) if (v.bitLength() <= s * 8) return s;
        return 16;
    }

    private static int fitSigned(BigInteger v) {
        for (int s : new int[] {1, 2, 4, 8}) if (v.bitLength() < s * 8) return s;
        return 16;
    }

    private static BigInteger signExtend(BigInteger v, int size) {
        BigInteger mod = BigInteger.ONE.shiftLeft(size * 8);
        BigInteger u = v.mod(mod);
        return u.testBit(size * 8 - 1) ? u.subtract(mod) : u;
    }
}
