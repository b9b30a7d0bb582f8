//! Uses the generic code of both other crates with concrete types.
use geometry::{total_area, Figure, Rect, Shape};
use stats::{bucket, histogram, summarize};

pub fn areas() -> Vec<u32> {
    let figures = [Figure::Square(3u32), Figure::Rect(Rect { w: 2, h: 5 }), Figure::Empty];
    figures.iter().map(|f| f.area()).collect()
}

pub fn report() -> String {
    let areas = areas();
    let total: u32 = total_area(&[Rect { w: 2u32, h: 3 }, Rect { w: 4, h: 4 }]);
    let summary = summarize(areas.iter().copied()).expect("non-empty");
    let hist = histogram(&["a", "b", "a"]);
    format!(
        "total={total} min={} max={} mean={:.2} n={} bucket={} hist={hist:?} {}",
        summary.min, summary.max, summary.mean, summary.count, bucket(summary.mean),
        geometry::describe(&Rect { w: 7u32, h: 6 }),
    )
}
