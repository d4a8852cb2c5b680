def seed_services() -> None:
    return None
