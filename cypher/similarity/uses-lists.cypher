// Whether related-work lists are in use: has any been computed?
RETURN EXISTS { MATCH (w:Work) WHERE w.similarAt IS NOT NULL } AS used
