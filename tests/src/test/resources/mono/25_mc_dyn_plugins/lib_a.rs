// Plugin API: a supertrait hierarchy and a registry of boxed trait objects.
use std::collections::BTreeMap;
use std::fmt::Debug;

pub trait Meta: Debug {
    fn name(&self) -> &str;
    fn version(&self) -> (u8, u8) {
        (1, 0)
    }
}

pub trait Plugin: Meta {
    fn run(&mut self, input: &str) -> String;
    fn enabled(&self) -> bool {
        true
    }
}

#[derive(Default)]
pub struct Registry {
    plugins: BTreeMap<String, Box<dyn Plugin>>,
}

impl Registry {
    pub fn register<P: Plugin + 'static>(&mut self, p: P) -> &mut Self {
        self.plugins.insert(p.name().to_string(), Box::new(p));
        self
    }
    pub fn run_all(&mut self, input: &str) -> Vec<(String, String)> {
        self.plugins
            .iter_mut()
            .filter(|(_, p)| p.enabled())
            .map(|(k, p)| (k.clone(), p.run(input)))
            .collect()
    }
    pub fn describe(&self) -> Vec<String> {
        self.plugins.values().map(|p| format!("{:?} v{:?}", p, p.version())).collect()
    }
}
