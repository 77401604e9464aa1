"""Lesson 14 (GAN Lab's 2-D game, the main dashboard): its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "gan_lab",
    {
        "too_few_points": {
            "pl": "Narysowany rozkład ma {n} {n:@punkt|punkty|punktów}, a potrzeba co "
            "najmniej {minimum}: kliknij na płaszczyźnie, żeby dodać punkty.",
            "en": "The drawn distribution has {n} {n:@point|points}, and at least {minimum} "
            "are needed: click on the plane to add points.",
        },
        "no_steps": {
            "pl": "Obie sieci mają zero kroków uczenia, więc nic by się nie uczyło: ustaw "
            "co najmniej jeden krok dyskryminatora albo generatora.",
            "en": "Both networks have zero training steps, so nothing would learn: set at "
            "least one discriminator or generator step.",
        },
        "shared_optimizer": {
            "pl": "Generator i dyskryminator potrzebują dwóch osobnych optymalizatorów: "
            "podaj w compile() dwa różne obiekty, np. dwa keras.optimizers.Adam(...).",
            "en": "The generator and the discriminator need two separate optimizers: pass "
            "two different objects to compile(), e.g. two keras.optimizers.Adam(...).",
        },
    },
)
