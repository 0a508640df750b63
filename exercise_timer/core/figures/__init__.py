"""Exercise figures without Qt: a jointed body, its poses per exercise stage, and its motion.

``skeleton`` turns joint angles into points on a floor line, ``ranges`` is the one table of
joint ranges, ``blend`` eases between poses and mirrors them, ``book`` holds an exercise's
poses and props, ``reader`` loads them from ``assets/figures/<routine-id>.toml``, ``checks``
says whether a pose is humanly possible and rests where it should, and ``motion`` picks the
pose for a moment of a session.
"""
