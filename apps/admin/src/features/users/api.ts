import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  CreateUserRequest,
  ListUsersQuery,
  Page,
  UpdateUserRequest,
  User,
  UserWithPassword,
} from '@guanai/contracts';
import { api } from '@/app/api/client';
import { queryClient } from '@/app/queryClient';

export type UsersQuery = Partial<ListUsersQuery>;

export const USERS_KEY = ['users'] as const;

export function useUsers(query: UsersQuery) {
  return useQuery({
    queryKey: [...USERS_KEY, 'list', query],
    queryFn: () => api.get<Page<User>>('/users', query),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: [...USERS_KEY, 'one', id], queryFn: () => api.get<User>(`/users/${id}`) });
}

function changed<T>(value: T): T {
  void queryClient.invalidateQueries({ queryKey: USERS_KEY });
  return value;
}

export const createUser = (body: CreateUserRequest) =>
  api.post<UserWithPassword>('/users', body).then(changed);
export const updateUser = (user: User, body: Omit<UpdateUserRequest, 'version'>) =>
  api.patch<User>(`/users/${user.id}`, { ...body, version: user.version }).then(changed);

export type UserCommand = 'disable' | 'enable' | 'unlock';
export const runUserCommand = (user: User, command: UserCommand) =>
  api.post<User>(`/users/${user.id}/${command}`, { version: user.version }).then(changed);
export const resetPassword = (user: User) =>
  api.post<UserWithPassword>(`/users/${user.id}/reset-password`, { version: user.version }).then(changed);

export function isLocked(user: User, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}
