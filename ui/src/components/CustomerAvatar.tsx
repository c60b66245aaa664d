import { Avatar } from '@mantine/core';
import type { CustomerRow } from '../bindings';
import { initials } from '../format';

export function CustomerAvatar({ customer, size = 34 }: { customer: CustomerRow; size?: number }) {
  const name = `${customer.first_name} ${customer.last_name}`;
  return (
    <Avatar src={customer.avatar_url ?? undefined} alt={name} size={size} radius="xl" color="initials" name={name}>
      {initials(customer.first_name, customer.last_name)}
    </Avatar>
  );
}
