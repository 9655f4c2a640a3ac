"""Glossary terms: finding them in Japanese text, linking them, ordering the glossary pages."""
